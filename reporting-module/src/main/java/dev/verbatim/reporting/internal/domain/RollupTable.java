package dev.verbatim.reporting.internal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The rollup tables: counters per key, kept in step with the facts. Day and week numbers count from
 * 1970-01-01 in UTC (weeks start on Monday).
 */
public enum RollupTable {
  SURVEY_DAY("rpt_rollup_survey", List.of("survey_id", "day_no", "week_no"), surveyValues()),
  CASE_DAY(
      "rpt_rollup_case",
      List.of("survey_id", "day_no", "week_no", "team_id", "owner_id"),
      List.of("cases", "owned", "replied", "closed", "sla_met")),
  CASE_TIME(
      "rpt_rollup_case_time",
      List.of("survey_id", "day_no", "week_no", "team_id", "owner_id", "kind", "bucket"),
      List.of("cases")),
  SEGMENT_DAY(
      "rpt_rollup_segment",
      List.of("attr_name", "attr_value", "survey_id", "day_no", "week_no"),
      segmentValues()),
  // Coarser and narrower copies for the unfiltered and survey-filtered reports: their row count
  // grows with surveys and months, not with responses, teams or owners. A period's whole months
  // come from these, its partial edge months from the daily tables above.
  SURVEY_MONTH("rpt_rollup_survey_m", List.of("survey_id", "month_no"), surveyValues()),
  CASE_SURVEY_DAY(
      "rpt_rollup_case_s", List.of("survey_id", "day_no", "week_no"), caseSurveyValues()),
  CASE_SURVEY_MONTH("rpt_rollup_case_sm", List.of("survey_id", "month_no"), caseSurveyValues()),
  CASE_TIME_MONTH(
      "rpt_rollup_case_time_m", List.of("survey_id", "month_no", "kind"), bucketValues()),
  SEGMENT_MONTH(
      "rpt_rollup_segment_m",
      List.of("attr_name", "attr_value", "survey_id", "month_no"),
      segmentValues());

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

  /** One counter per {@link DurationHistogram} bucket: b0, b1, ... */
  public static String bucketColumn(int bucket) {
    return "b" + bucket;
  }

  private static List<String> bucketValues() {
    List<String> v = new ArrayList<>();
    for (int b = 0; b < DurationHistogram.BUCKETS; b++) {
      v.add(bucketColumn(b));
    }
    return List.copyOf(v);
  }

  private static List<String> segmentValues() {
    return List.of(
        "invitations",
        "responses",
        "promoters",
        "passives",
        "detractors",
        "comments",
        "cases",
        "replied",
        "closed");
  }

  /**
   * The case counters plus the unreplied cases that have a due time (and those of them still open):
   * "unreplied past due" is these minus the few unreplied cases not yet due.
   */
  private static List<String> caseSurveyValues() {
    return List.of(
        "cases", "owned", "replied", "closed", "sla_met", "unreplied_due", "unreplied_due_open");
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
