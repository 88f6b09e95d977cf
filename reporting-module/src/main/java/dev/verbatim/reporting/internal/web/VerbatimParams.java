package dev.verbatim.reporting.internal.web;

import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import jakarta.ws.rs.QueryParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verbatims query parameters, the contract every report links with: survey, team, owner, from,
 * to (yyyy-MM-dd, inclusive), segment (name:value), band, status, rootCause, theme, q, page.
 */
public class VerbatimParams {
  @QueryParam("survey")
  String survey;

  @QueryParam("team")
  String team;

  @QueryParam("owner")
  String owner;

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("segment")
  String segment;

  @QueryParam("band")
  String band;

  @QueryParam("status")
  String status;

  @QueryParam("rootCause")
  String rootCause;

  @QueryParam("theme")
  String theme;

  @QueryParam("q")
  String q;

  @QueryParam("page")
  String page;

  VerbatimFilter filter() {
    return VerbatimFilter.parse(
        survey, team, owner, from, to, segment, band, status, rootCause, theme, q, page);
  }

  /** The given parameters (without page), for links to other pages and the CSV. */
  Map<String, String> given() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("survey", survey);
    all.put("team", team);
    all.put("owner", owner);
    all.put("from", from);
    all.put("to", to);
    all.put("segment", segment);
    all.put("band", band);
    all.put("status", status);
    all.put("rootCause", rootCause);
    all.put("theme", theme);
    all.put("q", q);
    all.values().removeIf(v -> v == null || v.isBlank());
    return all;
  }

  static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
