package dev.verbatim.reporting.internal.application;

import java.util.List;

/** One page of verbatims, newest first, with how many match in all. */
public record VerbatimPage(long total, int page, int pageSize, List<Verbatim> verbatims) {
  public int pages() {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }
}
