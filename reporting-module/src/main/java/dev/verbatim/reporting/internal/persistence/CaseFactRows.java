package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.followup.api.CaseSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads rpt_case rows back into the snapshots they were written from. */
final class CaseFactRows {
  static final String COLUMNS =
      "case_id, response_id, survey_id, contact_id, question_key, comment_text, score, team_id,"
          + " owner_id, status, priority, opened_at, due_at, first_reply_at, closed_at, root_cause,"
          + " escalation_level";

  private CaseFactRows() {}

  static CaseSnapshot snapshot(Object[] r) {
    return new CaseSnapshot(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        integer(r[6]),
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (String) r[10],
        ((Number) r[11]).longValue(),
        longOrNull(r[12]),
        longOrNull(r[13]),
        longOrNull(r[14]),
        (String) r[15],
        ((Number) r[16]).intValue());
  }

  static CaseSnapshot snapshot(ResultSet rs) throws SQLException {
    Object[] row = new Object[17];
    for (int i = 0; i < row.length; i++) {
      row[i] = rs.getObject(i + 1);
    }
    return snapshot(row);
  }

  private static Integer integer(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }

  private static Long longOrNull(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
