package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.DurationHistogram;
import dev.verbatim.reporting.internal.domain.HeadlineCounts;
import dev.verbatim.reporting.internal.domain.PersonalDataMask;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.RollupRules;
import dev.verbatim.reporting.internal.domain.RollupTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report queries: sums over the rollup tables, grouped by nothing (headline), week (trend),
 * team or owner; only the two "now"-dependent counts read case facts, through the index of
 * unreplied cases. Plain JDBC on a given connection so the benchmark runs the very same code.
 */
public final class ReportQueries {
  private static final String BUCKET_SUMS =
      RollupTable.CASE_TIME_MONTH.values.stream()
          .map(b -> "SUM(" + b + ")")
          .collect(Collectors.joining(", "));
  private final Connection db;

  public ReportQueries(Connection db) {
    this.db = db;
  }

  /** A segment value with the figures counted for it. */
  public record SegmentCounts(
      String segmentValue,
      long invitations,
      long responses,
      long promoters,
      long passives,
      long detractors,
      long comments,
      long cases,
      long replied,
      long closed) {}

  public HeadlineCounts headline(ReportFilter f, long now) throws SQLException {
    if (!f.narrowsCases()) {
      return surveyHeadline(f, now).build();
    }
    return grouped(f, now, null).getOrDefault("", new Counts()).build();
  }

  /**
   * The headline for all surveys or one: whole months from the monthly rollups, partial edge months
   * from the daily ones, and "unreplied past due" as the unreplied cases with a due time (a rollup
   * counter) minus those whose due time is still ahead (a short range of the rpt_case_unreplied
   * index).
   */
  private Counts surveyHeadline(ReportFilter f, long now) throws SQLException {
    Counts c = new Counts();
    PeriodSplit split = PeriodSplit.of(f.fromDay(), f.toDay());
    String surveySums = surveySums();
    for (Where w : split.wheres(f.surveyId())) {
      String table = w.monthly ? "rpt_rollup_survey_m" : "rpt_rollup_survey";
      query("SELECT " + surveySums + " FROM " + table + w.sql(), w, false, this::addSurvey, c);
      query(
          "SELECT SUM(cases), SUM(owned), SUM(replied), SUM(closed), SUM(sla_met),"
              + " SUM(unreplied_due), SUM(unreplied_due_open) FROM "
              + (w.monthly ? "rpt_rollup_case_sm" : "rpt_rollup_case_s")
              + w.sql(),
          w,
          false,
          (x, rs, i) -> {
            addCases(x, rs, i);
            x.unrepliedPastDue += rs.getLong(i + 5);
            x.overdueNow += rs.getLong(i + 6);
          },
          c);
      if (w.monthly) {
        query(
            "SELECT kind, "
                + BUCKET_SUMS
                + " FROM rpt_rollup_case_time_m"
                + w.sql()
                + " GROUP BY kind",
            w,
            false,
            (x, rs, i) -> {
              long[] into = RollupRules.REPLY.equals(rs.getString(i).strip()) ? x.reply : x.close;
              for (int b = 0; b < DurationHistogram.BUCKETS; b++) {
                into[b] += rs.getLong(i + 1 + b);
              }
            },
            c);
      } else {
        query(
            "SELECT kind, bucket, SUM(cases) FROM rpt_rollup_case_time"
                + w.sql()
                + " GROUP BY kind, bucket",
            w,
            false,
            this::addTimes,
            c);
      }
    }
    Where notYetDue = new Where().and("first_reply_at IS NULL").and("due_at >= ?", now);
    caseFilters(f, notYetDue);
    periodOfOpening(f, notYetDue);
    query(
        "SELECT COUNT(*), SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) FROM rpt_case"
            + notYetDue.sql(),
        notYetDue,
        false,
        (x, rs, i) -> {
          x.unrepliedPastDue -= rs.getLong(i);
          x.overdueNow -= rs.getLong(i + 1);
        },
        c);
    return c;
  }

  /** Keyed by week number (see {@link RollupRules#week}), in order. */
  public Map<Integer, HeadlineCounts> weekly(ReportFilter f, long now) throws SQLException {
    Map<Integer, HeadlineCounts> result = new TreeMap<>();
    grouped(f, now, "week_no").forEach((k, v) -> result.put(Integer.valueOf(k), v.build()));
    return result;
  }

  /** Case figures keyed by team id or owner id ("" for none); {@code by} is team_id or owner_id. */
  public Map<String, HeadlineCounts> byCaseColumn(ReportFilter f, long now, String by)
      throws SQLException {
    if (!by.equals("team_id") && !by.equals("owner_id")) {
      throw new IllegalArgumentException(by);
    }
    Map<String, HeadlineCounts> result = new TreeMap<>();
    grouped(f, now, by).forEach((k, v) -> result.put(k, v.build()));
    return result;
  }

  /** Whole months from the monthly segment rollup, partial edge months from the daily one. */
  public List<SegmentCounts> segments(ReportFilter f, String attribute) throws SQLException {
    Map<String, long[]> sums = new TreeMap<>();
    for (Where w : PeriodSplit.of(f.fromDay(), f.toDay()).wheres(f.surveyId())) {
      w.and("attr_name = ?", attribute);
      String sql =
          "SELECT attr_value, SUM(invitations), SUM(responses), SUM(promoters), SUM(passives),"
              + " SUM(detractors), SUM(comments), SUM(cases), SUM(replied), SUM(closed) FROM "
              + (w.monthly ? "rpt_rollup_segment_m" : "rpt_rollup_segment")
              + w.sql()
              + " GROUP BY attr_value";
      try (PreparedStatement ps = w.prepare(db, sql);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long[] v = sums.computeIfAbsent(rs.getString(1), k -> new long[9]);
          for (int i = 0; i < v.length; i++) {
            v[i] += rs.getLong(i + 2);
          }
        }
      }
    }
    List<SegmentCounts> rows = new ArrayList<>();
    sums.forEach(
        (value, v) ->
            rows.add(
                new SegmentCounts(value, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8])));
    return rows;
  }

  /**
   * The exact median time to first reply of one survey's replied cases (the mean of the middle two
   * when their number is even), read from the case facts: only the middle rows are fetched.
   */
  public Long exactMedianFirstReply(String surveyId) throws SQLException {
    long n;
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT COUNT(*) FROM rpt_case WHERE survey_id = ? AND first_reply_at IS NOT NULL")) {
      ps.setString(1, surveyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        n = rs.getLong(1);
      }
    }
    if (n == 0) {
      return null;
    }
    long offset = (n - 1) / 2;
    int take = n % 2 == 0 ? 2 : 1;
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT first_reply_at - opened_at AS waited FROM rpt_case WHERE survey_id = ?"
                + " AND first_reply_at IS NOT NULL ORDER BY waited OFFSET "
                + offset
                + " ROWS FETCH NEXT "
                + take
                + " ROWS ONLY")) {
      ps.setString(1, surveyId);
      try (ResultSet rs = ps.executeQuery()) {
        long sum = 0;
        while (rs.next()) {
          sum += rs.getLong(1);
        }
        return sum / take;
      }
    }
  }

  /** A detractor's comment for the digest. */
  public record Verbatim(String comment, int score, String openedOn) {}

  /** The most recent comments of detractors (0–6) opened in the period, newest first. */
  public List<Verbatim> recentDetractorComments(ReportFilter f, int limit) throws SQLException {
    Where w = new Where().and("score <= ?", 6).and("comment_text IS NOT NULL");
    caseFilters(f, w);
    if (f.fromDay() != null) {
      w.and("opened_at >= ?", f.fromDay() * RollupRules.DAY_MILLIS);
    }
    if (f.toDay() != null) {
      w.and("opened_at < ?", (f.toDay() + 1L) * RollupRules.DAY_MILLIS);
    }
    List<Verbatim> found = new ArrayList<>();
    String sql =
        "SELECT comment_text, score, opened_at FROM rpt_case"
            + w.sql()
            + " ORDER BY opened_at DESC FETCH FIRST "
            + limit
            + " ROWS ONLY";
    try (PreparedStatement ps = w.prepare(db, sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        found.add(
            new Verbatim(
                PersonalDataMask.mask(rs.getString(1)),
                rs.getInt(2),
                java.time.LocalDate.ofEpochDay(RollupRules.day(rs.getLong(3))).toString()));
      }
    }
    return found;
  }

  private Map<String, Counts> grouped(ReportFilter f, long now, String groupBy)
      throws SQLException {
    Map<String, Counts> groups = new TreeMap<>();
    String g = groupBy == null ? "" : groupBy + ", ";
    String gb = groupBy == null ? "" : " GROUP BY " + groupBy;
    boolean caseOnly = "team_id".equals(groupBy) || "owner_id".equals(groupBy);
    if (!f.narrowsCases() && !caseOnly) {
      Where w = rollupWhere(f, false);
      query(
          "SELECT " + g + surveySums() + " FROM rpt_rollup_survey" + w.sql() + gb,
          w,
          groupBy != null,
          this::addSurvey,
          groups);
    }
    Where wc = rollupWhere(f, true);
    query(
        "SELECT "
            + g
            + "SUM(cases), SUM(owned), SUM(replied), SUM(closed), SUM(sla_met) FROM rpt_rollup_case"
            + wc.sql()
            + gb,
        wc,
        groupBy != null,
        this::addCases,
        groups);
    query(
        "SELECT "
            + g
            + "kind, bucket, SUM(cases) FROM rpt_rollup_case_time"
            + wc.sql()
            + " GROUP BY "
            + g
            + "kind, bucket",
        wc,
        groupBy != null,
        this::addTimes,
        groups);
    unrepliedPastDue(f, now, groupBy, groups);
    return groups;
  }

  private static String surveySums() {
    StringBuilder sums = new StringBuilder("SUM(invitations), SUM(responses)");
    for (int s = 0; s <= 10; s++) {
      sums.append(", SUM(nps_").append(s).append(")");
    }
    return sums.append(", SUM(csat_n), SUM(csat_top2), SUM(ces_n), SUM(ces_sum)").toString();
  }

  private void addSurvey(Counts c, ResultSet rs, int i) throws SQLException {
    c.invitations += rs.getLong(i++);
    c.responses += rs.getLong(i++);
    for (int s = 0; s <= 10; s++) {
      c.nps[s] += rs.getLong(i++);
    }
    c.csatN += rs.getLong(i++);
    c.csatTop2 += rs.getLong(i++);
    c.cesN += rs.getLong(i++);
    c.cesSum += rs.getLong(i);
  }

  private void addCases(Counts c, ResultSet rs, int i) throws SQLException {
    c.cases += rs.getLong(i++);
    c.owned += rs.getLong(i++);
    c.replied += rs.getLong(i++);
    c.closed += rs.getLong(i++);
    c.slaMet += rs.getLong(i);
  }

  private void addTimes(Counts c, ResultSet rs, int i) throws SQLException {
    String kind = rs.getString(i).strip();
    int bucket = rs.getInt(i + 1);
    long n = rs.getLong(i + 2);
    (RollupRules.REPLY.equals(kind) ? c.reply : c.close)[bucket] += n;
  }

  /** The only read of case facts: unreplied cases past their due time, through their index. */
  private void unrepliedPastDue(ReportFilter f, long now, String groupBy, Map<String, Counts> into)
      throws SQLException {
    Where w = new Where().and("first_reply_at IS NULL").and("due_at < ?", now);
    caseFilters(f, w);
    periodOfOpening(f, w);
    String sql = "SELECT opened_at, team_id, owner_id, status FROM rpt_case" + w.sql();
    try (PreparedStatement ps = w.prepare(db, sql)) {
      ps.setFetchSize(1_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key =
              switch (groupBy == null ? "" : groupBy) {
                case "week_no" -> String.valueOf(RollupRules.week(RollupRules.day(rs.getLong(1))));
                case "team_id" -> rs.getString(2) == null ? "" : rs.getString(2);
                case "owner_id" -> rs.getString(3) == null ? "" : rs.getString(3);
                default -> "";
              };
          Counts c = into.computeIfAbsent(key, k -> new Counts());
          c.unrepliedPastDue++;
          if ("OPEN".equals(rs.getString(4))) {
            c.overdueNow++;
          }
        }
      }
    }
  }

  private static Where rollupWhere(ReportFilter f, boolean caseTable) {
    Where w = new Where();
    if (f.surveyId() != null) {
      w.and("survey_id = ?", f.surveyId());
    }
    if (f.fromDay() != null) {
      w.and("day_no >= ?", f.fromDay());
    }
    if (f.toDay() != null) {
      w.and("day_no <= ?", f.toDay());
    }
    if (caseTable) {
      if (f.teamId() != null) {
        w.and("team_id = ?", f.teamId());
      }
      if (f.ownerId() != null) {
        w.and("owner_id = ?", f.ownerId());
      }
    }
    return w;
  }

  private static void periodOfOpening(ReportFilter f, Where w) {
    if (f.fromDay() != null) {
      w.and("opened_at >= ?", f.fromDay() * RollupRules.DAY_MILLIS);
    }
    if (f.toDay() != null) {
      w.and("opened_at < ?", (f.toDay() + 1L) * RollupRules.DAY_MILLIS);
    }
  }

  private static void caseFilters(ReportFilter f, Where w) {
    if (f.surveyId() != null) {
      w.and("survey_id = ?", f.surveyId());
    }
    if (f.teamId() != null) {
      w.and("team_id = ?", f.teamId());
    }
    if (f.ownerId() != null) {
      w.and("owner_id = ?", f.ownerId());
    }
  }

  private interface RowReader {
    void read(Counts c, ResultSet rs, int firstColumn) throws SQLException;
  }

  private void query(
      String sql, Where w, boolean grouped, RowReader reader, Map<String, Counts> groups)
      throws SQLException {
    try (PreparedStatement ps = w.prepare(db, sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String key = grouped ? String.valueOf(rs.getObject(1)).strip() : "";
        reader.read(groups.computeIfAbsent(key, k -> new Counts()), rs, grouped ? 2 : 1);
      }
    }
  }

  private void query(String sql, Where w, boolean grouped, RowReader reader, Counts into)
      throws SQLException {
    try (PreparedStatement ps = w.prepare(db, sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        reader.read(into, rs, 1);
      }
    }
  }

  /**
   * A period of days as whole calendar months (read from the monthly rollups) and the days of its
   * partial edge months (read from the daily ones); an open end takes every month on that side.
   */
  private record PeriodSplit(
      boolean anyMonths, Integer monthFrom, Integer monthTo, List<int[]> days) {
    static PeriodSplit of(Integer fromDay, Integer toDay) {
      List<int[]> edges = new ArrayList<>();
      Integer mFrom = null;
      Integer mTo = null;
      if (fromDay != null) {
        int m = RollupRules.month(fromDay);
        mFrom = RollupRules.monthStart(m) == fromDay ? m : m + 1;
        if (mFrom != m) {
          edges.add(new int[] {fromDay, RollupRules.monthStart(m + 1) - 1});
        }
      }
      if (toDay != null) {
        int m = RollupRules.month(toDay);
        mTo = RollupRules.monthStart(m + 1) - 1 == toDay ? m : m - 1;
        if (mTo != m) {
          edges.add(new int[] {RollupRules.monthStart(m), toDay});
        }
      }
      if (mFrom != null && mTo != null && mFrom > mTo) {
        return new PeriodSplit(false, null, null, List.of(new int[] {fromDay, toDay}));
      }
      return new PeriodSplit(true, mFrom, mTo, edges);
    }

    List<Where> wheres(String surveyId) {
      List<Where> result = new ArrayList<>();
      if (anyMonths) {
        Where w = new Where();
        w.monthly = true;
        if (surveyId != null) {
          w.and("survey_id = ?", surveyId);
        }
        if (monthFrom != null) {
          w.and("month_no >= ?", monthFrom);
        }
        if (monthTo != null) {
          w.and("month_no <= ?", monthTo);
        }
        result.add(w);
      }
      for (int[] range : days) {
        Where w = new Where();
        if (surveyId != null) {
          w.and("survey_id = ?", surveyId);
        }
        result.add(w.and("day_no >= ?", range[0]).and("day_no <= ?", range[1]));
      }
      return result;
    }
  }

  private static final class Counts {
    long invitations;
    long responses;
    final long[] nps = new long[11];
    long csatN;
    long csatTop2;
    long cesN;
    long cesSum;
    long cases;
    long owned;
    long replied;
    long closed;
    long slaMet;
    long unrepliedPastDue;
    long overdueNow;
    final long[] reply = new long[DurationHistogram.BUCKETS];
    final long[] close = new long[DurationHistogram.BUCKETS];

    HeadlineCounts build() {
      return new HeadlineCounts(
          invitations,
          responses,
          nps,
          csatN,
          csatTop2,
          cesN,
          cesSum,
          cases,
          owned,
          replied,
          closed,
          slaMet,
          unrepliedPastDue,
          overdueNow,
          reply,
          close);
    }
  }

  /** A WHERE clause and its parameters, built together so they cannot drift apart. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private boolean monthly;

    Where and(String condition, Object... values) {
      conditions.add(condition);
      params.addAll(List.of(values));
      return this;
    }

    String sql() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    PreparedStatement prepare(Connection db, String sql) throws SQLException {
      PreparedStatement ps = db.prepareStatement(sql);
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      return ps;
    }
  }
}
