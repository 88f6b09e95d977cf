package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.platform.api.SafeCsvWriter;
import dev.verbatim.reporting.internal.domain.PersonalDataMask;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.RollupRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV row per response or per case fact, written straight from a JDBC result set with a fetch
 * size: a million rows pass through without being held in memory.
 */
public final class FactExports {
  private static final int FETCH = 1_000;
  private final Connection db;

  public FactExports(Connection db) {
    this.db = db;
  }

  public void responses(ReportFilter f, SafeCsvWriter csv) throws SQLException {
    csv.row(
        "response_id", "survey_id", "contact_id", "submitted_at", "nps", "csat", "ces", "comments");
    List<Object> params = new ArrayList<>();
    String where = period(f, "submitted_at", params);
    try (PreparedStatement ps =
        prepare(
            "SELECT response_id, survey_id, contact_id, submitted_at, nps_score, csat_score,"
                + " ces_score, comments FROM rpt_response"
                + where
                + " ORDER BY submitted_at",
            params)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          csv.row(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              Instant.ofEpochMilli(rs.getLong(4)).toString(),
              rs.getObject(5),
              rs.getObject(6),
              rs.getObject(7),
              rs.getInt(8));
        }
      }
    }
  }

  public void cases(ReportFilter f, SafeCsvWriter csv) throws SQLException {
    csv.row(
        "case_id",
        "survey_id",
        "question",
        "comment",
        "score",
        "team_id",
        "owner_id",
        "status",
        "opened_at",
        "due_at",
        "first_reply_at",
        "closed_at",
        "root_cause");
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(period(f, "opened_at", params));
    if (f.teamId() != null) {
      where.append(where.isEmpty() ? " WHERE" : " AND").append(" team_id = ?");
      params.add(f.teamId());
    }
    if (f.ownerId() != null) {
      where.append(where.isEmpty() ? " WHERE" : " AND").append(" owner_id = ?");
      params.add(f.ownerId());
    }
    try (PreparedStatement ps =
        prepare(
            "SELECT case_id, survey_id, question_key, comment_text, score, team_id, owner_id,"
                + " status, opened_at, due_at, first_reply_at, closed_at, root_cause FROM rpt_case"
                + where
                + " ORDER BY opened_at",
            params)) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          csv.row(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              PersonalDataMask.mask(rs.getString(4)),
              rs.getObject(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              time(rs, 9),
              time(rs, 10),
              time(rs, 11),
              time(rs, 12),
              rs.getString(13));
        }
      }
    }
  }

  private static String time(ResultSet rs, int column) throws SQLException {
    long t = rs.getLong(column);
    return rs.wasNull() ? "" : Instant.ofEpochMilli(t).toString();
  }

  private static String period(ReportFilter f, String column, List<Object> params) {
    List<String> c = new ArrayList<>();
    if (f.surveyId() != null) {
      c.add("survey_id = ?");
      params.add(f.surveyId());
    }
    if (f.fromDay() != null) {
      c.add(column + " >= ?");
      params.add(f.fromDay() * RollupRules.DAY_MILLIS);
    }
    if (f.toDay() != null) {
      c.add(column + " < ?");
      params.add((f.toDay() + 1L) * RollupRules.DAY_MILLIS);
    }
    return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
  }

  private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
    PreparedStatement ps = db.prepareStatement(sql);
    ps.setFetchSize(FETCH);
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    return ps;
  }
}
