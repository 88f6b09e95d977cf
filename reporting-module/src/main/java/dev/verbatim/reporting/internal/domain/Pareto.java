package dev.verbatim.reporting.internal.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Root causes as a Pareto: most frequent first (ties alphabetically by code), each with its share
 * of all closed-with-a-root-cause cases and the cumulative share down to it, in percent with one
 * decimal. The last cumulative share is 100 (not 99.9) because it is computed from counts, not by
 * adding rounded shares.
 */
public final class Pareto {
  public record Bar(String code, long count, double sharePct, double cumulativePct) {}

  private Pareto() {}

  public static List<Bar> of(Map<String, Long> countsByCode) {
    long total = countsByCode.values().stream().mapToLong(Long::longValue).sum();
    List<Map.Entry<String, Long>> sorted =
        countsByCode.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(
                Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey))
            .toList();
    List<Bar> bars = new ArrayList<>();
    long running = 0;
    for (Map.Entry<String, Long> e : sorted) {
      running += e.getValue();
      bars.add(new Bar(e.getKey(), e.getValue(), pct(e.getValue(), total), pct(running, total)));
    }
    return bars;
  }

  private static double pct(long part, long total) {
    return Math.round(part * 1000.0 / total) / 10.0;
  }
}
