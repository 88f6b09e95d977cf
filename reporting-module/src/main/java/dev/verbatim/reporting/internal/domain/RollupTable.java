package dev.verbatim.reporting.internal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The rollup tables: counters per key, kept in step with the facts. Day and week numbers count from
 * 1970-01-01 in UTC (weeks start on Monday).
 */
public enum RollupTable {
  SURVEY_DAY("rpt_roll_survey", List.of("survey_id", "day_no", "week_no"), surveyValues()),
  CASE_DAY(
      "rpt_roll_case",
      List.of("survey_id", "day_no", "week_no", "team_id", "owner_id"),
      List.of("cases", "owned", "replied", "closed", "sla_met")),
  CASE_TIME(
      "rpt_roll_case_time",
      List.of("survey_id", "day_no", "week_no", "team_id", "owner_id", "kind", "bucket"),
      List.of("cases")),
  SEGMENT_DAY(
      "rpt_roll_segment",
      List.of("attr_name", "attr_value", "survey_id", "day_no", "week_no"),
      List.of(
          "invitations",
          "responses",
          "promoters",
          "passives",
          "detractors",
          "comments",
          "cases",
          "replied",
          "closed"));

  public final String table;
  public final List<String> keys;
  public final List<String> values;

  RollupTable(String table, List<String> keys, List<String> values) {
    this.table = table;
    this.keys = keys;
    this.values = values;
  }

  public int index(String value) {
    int i = values.indexOf(value);
    if (i < 0) {
      throw new IllegalArgumentException(value + " is not a counter of " + table);
    }
    return i;
  }

  private static List<String> surveyValues() {
    List<String> v = new ArrayList<>(List.of("invitations", "responses"));
    for (int s = 0; s <= 10; s++) {
      v.add("nps_" + s);
    }
    v.addAll(List.of("csat_n", "csat_top2", "ces_n", "ces_sum", "comments"));
    return List.copyOf(v);
  }
}
