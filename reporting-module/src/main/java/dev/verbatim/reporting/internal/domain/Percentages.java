package dev.verbatim.reporting.internal.domain;

/**
 * Shares as percentages with one decimal; null (shown as "–") when there is nothing to divide by.
 */
public final class Percentages {
  private Percentages() {}

  public static Double of(long part, long whole) {
    if (whole <= 0) {
      return null;
    }
    return Math.round(part * 1000.0 / whole) / 10.0;
  }
}
