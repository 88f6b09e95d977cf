package dev.verbatim.reporting.internal.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Model of a tiny inline SVG line of weekly counts: the points, and the same numbers as text. */
final class Sparkline {
  static final int WIDTH = 80;
  static final int HEIGHT = 20;

  private Sparkline() {}

  static Map<String, Object> of(long[] weekly) {
    long max = Math.max(1, Arrays.stream(weekly).max().orElse(0));
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < weekly.length; i++) {
      double x = weekly.length == 1 ? 0 : i * (double) WIDTH / (weekly.length - 1);
      double y = HEIGHT - 1 - weekly[i] * (HEIGHT - 2.0) / max;
      points.append(i == 0 ? "" : " ").append(String.format("%.1f,%.1f", x, y));
    }
    Map<String, Object> m = new HashMap<>();
    m.put("points", points.toString());
    m.put(
        "text",
        "Last "
            + weekly.length
            + " weeks, oldest first: "
            + Arrays.stream(weekly).mapToObj(Long::toString).collect(Collectors.joining(", ")));
    return m;
  }
}
