package dev.verbatim.reporting.internal.domain;

import dev.verbatim.followup.api.CaseSnapshot;
import java.util.List;
import java.util.Map;

/**
 * What each fact adds to the rollups. The incremental upkeep and the recompute both go through
 * these rules, so they can only disagree when facts were missed, not by arithmetic. A case that
 * changes adds its new snapshot and takes away its previous one.
 */
public final class RollupRules {
  public static final long DAY_MILLIS = 86_400_000L;
  public static final String REPLY = "R";
  public static final String CLOSE = "C";

  private RollupRules() {}

  public static int day(long epochMillis) {
    return (int) Math.floorDiv(epochMillis, DAY_MILLIS);
  }

  /** Weeks start on Monday; 1970-01-01 was a Thursday. */
  public static int week(int day) {
    return Math.floorDiv(day + 3, 7);
  }

  public static void invitation(
      Rollup r, String surveyId, long createdAt, Map<String, String> segments) {
    int day = day(createdAt);
    r.add(RollupTable.SURVEY_DAY, List.of(surveyId, day, week(day)), "invitations", 1);
    segments.forEach((name, val) -> invitationSegment(r, surveyId, createdAt, name, val));
  }

  public static void invitationSegment(
      Rollup r, String surveyId, long createdAt, String name, String val) {
    r.add(RollupTable.SEGMENT_DAY, segmentKey(name, val, surveyId, createdAt), "invitations", 1);
  }

  public static void response(Rollup r, ResponseFact f, Map<String, String> segments) {
    int day = day(f.submittedAt());
    List<Object> key = List.of(f.surveyId(), day, week(day));
    r.add(RollupTable.SURVEY_DAY, key, "responses", 1);
    r.add(RollupTable.SURVEY_DAY, key, "comments", f.comments());
    if (f.nps() != null) {
      r.add(RollupTable.SURVEY_DAY, key, "nps_" + f.nps(), 1);
    }
    if (f.csat() != null) {
      r.add(RollupTable.SURVEY_DAY, key, "csat_n", 1);
      r.add(
          RollupTable.SURVEY_DAY,
          key,
          "csat_top2",
          ReportDefinitions.isCsatSatisfied(f.csat()) ? 1 : 0);
    }
    if (f.ces() != null) {
      r.add(RollupTable.SURVEY_DAY, key, "ces_n", 1);
      r.add(RollupTable.SURVEY_DAY, key, "ces_sum", f.ces());
    }
    segments.forEach((name, val) -> responseSegment(r, f, name, val));
  }

  public static void responseSegment(Rollup r, ResponseFact f, String name, String val) {
    List<Object> seg = segmentKey(name, val, f.surveyId(), f.submittedAt());
    r.add(RollupTable.SEGMENT_DAY, seg, "responses", 1);
    r.add(RollupTable.SEGMENT_DAY, seg, "comments", f.comments());
    if (f.nps() != null) {
      r.add(RollupTable.SEGMENT_DAY, seg, npsBand(f.nps()), 1);
    }
  }

  /** Adds ({@code sign} 1) or takes away ({@code sign} -1) what one case snapshot counts. */
  public static void caseSnapshot(
      Rollup r, CaseSnapshot c, int sign, Map<String, String> segments) {
    int day = day(c.openedAt());
    String team = c.teamId() == null ? "" : c.teamId();
    String owner = c.ownerId() == null ? "" : c.ownerId();
    List<Object> key = List.of(c.surveyId(), day, week(day), team, owner);
    r.add(RollupTable.CASE_DAY, key, "cases", sign);
    r.add(RollupTable.CASE_DAY, key, "owned", c.ownerId() == null ? 0 : sign);
    r.add(RollupTable.CASE_DAY, key, "replied", c.firstReplyAt() == null ? 0 : sign);
    r.add(RollupTable.CASE_DAY, key, "closed", isClosed(c) ? sign : 0);
    r.add(
        RollupTable.CASE_DAY,
        key,
        "sla_met",
        ReportDefinitions.metSla(c.firstReplyAt(), c.dueAt()) ? sign : 0);
    if (c.firstReplyAt() != null) {
      r.add(
          RollupTable.CASE_TIME,
          timeKey(key, REPLY, c.firstReplyAt() - c.openedAt()),
          "cases",
          sign);
    }
    if (isClosed(c)) {
      r.add(RollupTable.CASE_TIME, timeKey(key, CLOSE, c.closedAt() - c.openedAt()), "cases", sign);
    }
    segments.forEach((name, val) -> caseSegment(r, c, sign, name, val));
  }

  public static void caseSegment(Rollup r, CaseSnapshot c, int sign, String name, String val) {
    List<Object> seg = segmentKey(name, val, c.surveyId(), c.openedAt());
    r.add(RollupTable.SEGMENT_DAY, seg, "cases", sign);
    r.add(RollupTable.SEGMENT_DAY, seg, "replied", c.firstReplyAt() == null ? 0 : sign);
    r.add(RollupTable.SEGMENT_DAY, seg, "closed", isClosed(c) ? sign : 0);
  }

  public static boolean isClosed(CaseSnapshot c) {
    return c.closedAt() != null && "CLOSED".equals(c.status());
  }

  private static List<Object> segmentKey(String name, String val, String surveyId, long at) {
    int day = day(at);
    return List.of(name, val, surveyId, day, week(day));
  }

  private static List<Object> timeKey(List<Object> caseKey, String kind, long millis) {
    return List.of(
        caseKey.get(0),
        caseKey.get(1),
        caseKey.get(2),
        caseKey.get(3),
        caseKey.get(4),
        kind,
        DurationHistogram.bucket(millis));
  }

  private static String npsBand(int score) {
    if (ReportDefinitions.isPromoter(score)) {
      return "promoters";
    }
    return ReportDefinitions.isDetractor(score) ? "detractors" : "passives";
  }
}
