package dev.verbatim.reporting.internal.web;

import java.util.List;
import java.util.Locale;

/**
 * Server-rendered SVG charts: no JavaScript, {@code role="img"} with a {@code <title>} naming what
 * the chart shows; the page puts the same numbers in a table next to it. Labels are escaped here
 * because the SVG is inserted unescaped into the page.
 */
final class SvgCharts {
  private static final int W = 600;
  private static final int H = 220;
  private static final int PAD = 30;

  private SvgCharts() {}

  /** Vertical bars, one per label; {@code links} (may be null) makes each bar a link. */
  static String bars(String title, List<String> labels, List<Long> values, List<String> links) {
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    double slot = (W - 2.0 * PAD) / Math.max(1, labels.size());
    StringBuilder svg = open(title);
    for (int i = 0; i < labels.size(); i++) {
      double h = (H - 2.0 * PAD) * values.get(i) / max;
      double x = PAD + i * slot;
      String bar =
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"bar\"><title>%s:"
                  + " %d</title></rect><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                  + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
              x + slot * 0.1,
              H - PAD - h,
              slot * 0.8,
              h,
              esc(labels.get(i)),
              values.get(i),
              x + slot / 2,
              H - PAD + 15,
              esc(labels.get(i)),
              x + slot / 2,
              H - PAD - h - 4,
              values.get(i));
      if (links != null && links.get(i) != null) {
        svg.append("<a href=\"").append(esc(links.get(i))).append("\">").append(bar).append("</a>");
      } else {
        svg.append(bar);
      }
    }
    return svg.append("</svg>").toString();
  }

  /** One line per series over the same labels; null values leave a gap. */
  static String lines(
      String title, List<String> labels, List<String> names, List<List<Double>> series) {
    double min = 0;
    double max = 1;
    for (List<Double> s : series) {
      for (Double v : s) {
        if (v != null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    double step = (W - 2.0 * PAD) / Math.max(1, labels.size() - 1);
    StringBuilder svg = open(title);
    String[] colours = {"series-a", "series-b"};
    for (int k = 0; k < series.size(); k++) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < labels.size(); i++) {
        Double v = series.get(k).get(i);
        if (v == null) {
          continue;
        }
        double x = PAD + i * step;
        double y = H - PAD - (H - 2.0 * PAD) * (v - min) / (max - min);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"%s\"><title>%s %s: %.1f</title>"
                    + "</circle>",
                x,
                y,
                colours[k % 2],
                esc(names.get(k)),
                esc(labels.get(i)),
                v));
      }
      svg.append("<polyline fill=\"none\" class=\"")
          .append(colours[k % 2])
          .append("\" points=\"")
          .append(points.toString().strip())
          .append("\"/>");
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" class=\"%s\">%s</text>",
              PAD + k * 150,
              14,
              colours[k % 2],
              esc(names.get(k))));
    }
    for (int i = 0; i < labels.size(); i++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              PAD + i * step,
              H - PAD + 15,
              esc(labels.get(i))));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" class=\"chart\" aria-label=\"")
        .append(esc(title))
        .append("\"><title>")
        .append(esc(title))
        .append("</title>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
