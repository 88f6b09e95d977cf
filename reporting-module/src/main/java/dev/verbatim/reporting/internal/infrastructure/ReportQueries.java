package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.reporting.internal.domain.DurationHistogram;
import dev.verbatim.reporting.internal.domain.HeadlineCounts;
import dev.verbatim.reporting.internal.domain.PersonalDataMask;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.RollupRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report queries: sums over the rollup tables, grouped by nothing (headline), week (trend),
 * team or owner; only the two "now"-dependent counts read case facts, through the index of
 * unreplied cases. Plain JDBC on a given connection so the benchmark runs the very same code.
 */
public final class ReportQueries {
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
    return grouped(f, now, null).getOrDefault("", new Counts()).build();
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

  public List<SegmentCounts> segments(ReportFilter f, String attribute) throws SQLException {
    Where w = rollupWhere(f, false).and("attr_name = ?", attribute);
    String sql =
        "SELECT attr_value, SUM(invitations), SUM(responses), SUM(promoters), SUM(passives),"
            + " SUM(detractors), SUM(comments), SUM(cases), SUM(replied), SUM(closed)"
            + " FROM rpt_roll_segment"
            + w.sql()
            + " GROUP BY attr_value ORDER BY attr_value";
    List<SegmentCounts> rows = new ArrayList<>();
    try (PreparedStatement ps = w.prepare(db, sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new SegmentCounts(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10)));
      }
    }
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
      StringBuilder sums = new StringBuilder("SUM(invitations), SUM(responses)");
      for (int s = 0; s <= 10; s++) {
        sums.append(", SUM(nps_").append(s).append(")");
      }
      sums.append(", SUM(csat_n), SUM(csat_top2), SUM(ces_n), SUM(ces_sum)");
      Where w = rollupWhere(f, false);
      query(
          "SELECT " + g + sums + " FROM rpt_roll_survey" + w.sql() + gb,
          w,
          groupBy != null,
          (c, rs, i) -> {
            c.invitations += rs.getLong(i++);
            c.responses += rs.getLong(i++);
            for (int s = 0; s <= 10; s++) {
              c.nps[s] += rs.getLong(i++);
            }
            c.csatN += rs.getLong(i++);
            c.csatTop2 += rs.getLong(i++);
            c.cesN += rs.getLong(i++);
            c.cesSum += rs.getLong(i);
          },
          groups);
    }
    Where wc = rollupWhere(f, true);
    query(
        "SELECT "
            + g
            + "SUM(cases), SUM(owned), SUM(replied), SUM(closed), SUM(sla_met) FROM rpt_roll_case"
            + wc.sql()
            + gb,
        wc,
        groupBy != null,
        (c, rs, i) -> {
          c.cases += rs.getLong(i++);
          c.owned += rs.getLong(i++);
          c.replied += rs.getLong(i++);
          c.closed += rs.getLong(i++);
          c.slaMet += rs.getLong(i);
        },
        groups);
    query(
        "SELECT "
            + g
            + "kind, bucket, SUM(cases) FROM rpt_roll_case_time"
            + wc.sql()
            + " GROUP BY "
            + g
            + "kind, bucket",
        wc,
        groupBy != null,
        (c, rs, i) -> {
          String kind = rs.getString(i).strip();
          int bucket = rs.getInt(i + 1);
          long n = rs.getLong(i + 2);
          (RollupRules.REPLY.equals(kind) ? c.reply : c.close)[bucket] += n;
        },
        groups);
    unrepliedPastDue(f, now, groupBy, groups);
    return groups;
  }

  /** The only read of case facts: unreplied cases past their due time, through their index. */
  private void unrepliedPastDue(ReportFilter f, long now, String groupBy, Map<String, Counts> into)
      throws SQLException {
    Where w = new Where().and("first_reply_at IS NULL").and("due_at < ?", now);
    caseFilters(f, w);
    if (f.fromDay() != null) {
      w.and("opened_at >= ?", f.fromDay() * RollupRules.DAY_MILLIS);
    }
    if (f.toDay() != null) {
      w.and("opened_at < ?", (f.toDay() + 1L) * RollupRules.DAY_MILLIS);
    }
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
