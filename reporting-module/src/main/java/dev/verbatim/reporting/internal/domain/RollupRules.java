package dev.verbatim.reporting.internal.domain;

import dev.verbatim.followup.api.CaseSnapshot;
import java.time.LocalDate;
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

  private static final List<RollupTable> SEGMENT_TABLES =
      List.of(RollupTable.SEGMENT_DAY, RollupTable.SEGMENT_MONTH);

  private RollupRules() {}

  public static int day(long epochMillis) {
    return (int) Math.floorDiv(epochMillis, DAY_MILLIS);
  }

  /** Weeks start on Monday; 1970-01-01 was a Thursday. */
  public static int week(int day) {
    return Math.floorDiv(day + 3, 7);
  }

  /** Calendar months (UTC) counted from January 1970. */
  public static int month(int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    return (d.getYear() - 1970) * 12 + d.getMonthValue() - 1;
  }

  /** The day number of the first day of a month. */
  public static int monthStart(int month) {
    return (int)
        LocalDate.of(1970 + Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1).toEpochDay();
  }

  public static void invitation(
      Rollup r, String surveyId, long createdAt, Map<String, String> segments) {
    int day = day(createdAt);
    r.add(RollupTable.SURVEY_DAY, List.of(surveyId, day, week(day)), "invitations", 1);
    r.add(RollupTable.SURVEY_MONTH, List.of(surveyId, month(day)), "invitations", 1);
    segments.forEach((name, val) -> invitationSegment(r, surveyId, createdAt, name, val));
  }

  public static void invitationSegment(
      Rollup r, String surveyId, long createdAt, String name, String val) {
    for (RollupTable t : SEGMENT_TABLES) {
      r.add(t, segmentKey(t, name, val, surveyId, createdAt), "invitations", 1);
    }
  }

  public static void response(Rollup r, ResponseFact f, Map<String, String> segments) {
    int day = day(f.submittedAt());
    surveyResponse(r, RollupTable.SURVEY_DAY, List.of(f.surveyId(), day, week(day)), f);
    surveyResponse(r, RollupTable.SURVEY_MONTH, List.of(f.surveyId(), month(day)), f);
    segments.forEach((name, val) -> responseSegment(r, f, name, val));
  }

  private static void surveyResponse(Rollup r, RollupTable t, List<Object> key, ResponseFact f) {
    r.add(t, key, "responses", 1);
    r.add(t, key, "comments", f.comments());
    if (f.nps() != null) {
      r.add(t, key, "nps_" + f.nps(), 1);
    }
    if (f.csat() != null) {
      r.add(t, key, "csat_n", 1);
      r.add(t, key, "csat_top2", ReportDefinitions.isCsatSatisfied(f.csat()) ? 1 : 0);
    }
    if (f.ces() != null) {
      r.add(t, key, "ces_n", 1);
      r.add(t, key, "ces_sum", f.ces());
    }
  }

  public static void responseSegment(Rollup r, ResponseFact f, String name, String val) {
    for (RollupTable t : SEGMENT_TABLES) {
      List<Object> seg = segmentKey(t, name, val, f.surveyId(), f.submittedAt());
      r.add(t, seg, "responses", 1);
      r.add(t, seg, "comments", f.comments());
      if (f.nps() != null) {
        r.add(t, seg, npsBand(f.nps()), 1);
      }
    }
  }

  /** Adds ({@code sign} 1) or takes away ({@code sign} -1) what one case snapshot counts. */
  public static void caseSnapshot(
      Rollup r, CaseSnapshot c, int sign, Map<String, String> segments) {
    int day = day(c.openedAt());
    String team = c.teamId() == null ? "" : c.teamId();
    String owner = c.ownerId() == null ? "" : c.ownerId();
    List<Object> key = List.of(c.surveyId(), day, week(day), team, owner);
    caseCounts(r, RollupTable.CASE_DAY, key, c, sign);
    caseCounts(r, RollupTable.CASE_SURVEY_DAY, List.of(c.surveyId(), day, week(day)), c, sign);
    List<Object> monthKey = List.of(c.surveyId(), month(day));
    caseCounts(r, RollupTable.CASE_SURVEY_MONTH, monthKey, c, sign);
    boolean unrepliedDue = c.firstReplyAt() == null && c.dueAt() != null;
    for (RollupTable t : List.of(RollupTable.CASE_SURVEY_DAY, RollupTable.CASE_SURVEY_MONTH)) {
      List<Object> k = t == RollupTable.CASE_SURVEY_DAY ? key.subList(0, 3) : monthKey;
      r.add(t, k, "unreplied_due", unrepliedDue ? sign : 0);
      r.add(t, k, "unreplied_due_open", unrepliedDue && "OPEN".equals(c.status()) ? sign : 0);
    }
    if (c.firstReplyAt() != null) {
      long waited = c.firstReplyAt() - c.openedAt();
      r.add(RollupTable.CASE_TIME, timeKey(key, REPLY, waited), "cases", sign);
      r.add(RollupTable.CASE_TIME_MONTH, monthTimeKey(monthKey, REPLY), bucketOf(waited), sign);
    }
    if (isClosed(c)) {
      long took = c.closedAt() - c.openedAt();
      r.add(RollupTable.CASE_TIME, timeKey(key, CLOSE, took), "cases", sign);
      r.add(RollupTable.CASE_TIME_MONTH, monthTimeKey(monthKey, CLOSE), bucketOf(took), sign);
    }
    segments.forEach((name, val) -> caseSegment(r, c, sign, name, val));
  }

  private static void caseCounts(
      Rollup r, RollupTable t, List<Object> key, CaseSnapshot c, int sign) {
    r.add(t, key, "cases", sign);
    r.add(t, key, "owned", c.ownerId() == null ? 0 : sign);
    r.add(t, key, "replied", c.firstReplyAt() == null ? 0 : sign);
    r.add(t, key, "closed", isClosed(c) ? sign : 0);
    r.add(t, key, "sla_met", ReportDefinitions.metSla(c.firstReplyAt(), c.dueAt()) ? sign : 0);
  }

  public static void caseSegment(Rollup r, CaseSnapshot c, int sign, String name, String val) {
    for (RollupTable t : SEGMENT_TABLES) {
      List<Object> seg = segmentKey(t, name, val, c.surveyId(), c.openedAt());
      r.add(t, seg, "cases", sign);
      r.add(t, seg, "replied", c.firstReplyAt() == null ? 0 : sign);
      r.add(t, seg, "closed", isClosed(c) ? sign : 0);
    }
  }

  public static boolean isClosed(CaseSnapshot c) {
    return c.closedAt() != null && "CLOSED".equals(c.status());
  }

  private static List<Object> segmentKey(
      RollupTable t, String name, String val, String surveyId, long at) {
    int day = day(at);
    return t == RollupTable.SEGMENT_MONTH
        ? List.of(name, val, surveyId, month(day))
        : List.of(name, val, surveyId, day, week(day));
  }

  private static List<Object> monthTimeKey(List<Object> monthKey, String kind) {
    return List.of(monthKey.get(0), monthKey.get(1), kind);
  }

  private static String bucketOf(long millis) {
    return RollupTable.bucketColumn(DurationHistogram.bucket(millis));
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
