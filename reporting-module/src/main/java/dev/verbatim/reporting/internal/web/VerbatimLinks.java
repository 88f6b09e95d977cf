package dev.verbatim.reporting.internal.web;

import dev.verbatim.reporting.internal.domain.ReportFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The link from a number to the comments behind it: {@code /app/reports/verbatims} with the
 * report's filters (survey, team, owner, from, to as yyyy-MM-dd, to included) plus what the number
 * counts (band, status, segment as name:value).
 */
final class VerbatimLinks {
  static final String PAGE = "/app/reports/verbatims";
  private final Map<String, String> base = new LinkedHashMap<>();

  VerbatimLinks(ReportFilter f) {
    put(base, "survey", f.surveyId());
    put(base, "team", f.teamId());
    put(base, "owner", f.ownerId());
    put(base, "from", f.from() == null ? null : f.from().toString());
    put(base, "to", f.to() == null ? null : f.to().toString());
  }

  String all() {
    return with();
  }

  /** Extra filters as name, value pairs. */
  String with(String... pairs) {
    Map<String, String> params = new LinkedHashMap<>(base);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      put(params, pairs[i], pairs[i + 1]);
    }
    return query(PAGE, params);
  }

  static String query(String path, Map<String, String> params) {
    if (params.isEmpty()) {
      return path;
    }
    return path
        + "?"
        + params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  Map<String, String> filters() {
    return base;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }
}
