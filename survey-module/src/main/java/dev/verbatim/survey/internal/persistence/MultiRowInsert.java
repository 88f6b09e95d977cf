package dev.verbatim.survey.internal.persistence;

import dev.verbatim.platform.api.StoredText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows with one {@code INSERT ... VALUES (...), (...), ...} per {@link #ROWS} rows
 * (and single-row batched inserts for the rest, so only two statement texts are ever compiled). A
 * JFR profile of the contact import benchmark on Derby showed why: each executed statement costs a
 * statement context, index and foreign-key checker opens, and a walk over all locks the transaction
 * holds, so one execution per row made that overhead a third of the insert time.
 */
final class MultiRowInsert {
  static final int ROWS = 100;

  private MultiRowInsert() {}

  /** {@code rows} hold one value per column: strings, longs or null (a null VARCHAR). */
  static void insert(Connection c, String table, List<String> columns, List<Object[]> rows)
      throws SQLException {
    int full = rows.size() / ROWS * ROWS;
    if (full > 0) {
      try (PreparedStatement insert = c.prepareStatement(sql(table, columns, ROWS))) {
        for (int start = 0; start < full; start += ROWS) {
          int index = 1;
          for (Object[] row : rows.subList(start, start + ROWS)) {
            index = bind(insert, index, row);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (full < rows.size()) {
      try (PreparedStatement insert = c.prepareStatement(sql(table, columns, 1))) {
        for (Object[] row : rows.subList(full, rows.size())) {
          bind(insert, 1, row);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  static String sql(String table, List<String> columns, int rows) {
    String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES "
        + String.join(", ", Collections.nCopies(rows, tuple));
  }

  private static int bind(PreparedStatement insert, int index, Object[] row) throws SQLException {
    for (Object value : row) {
      if (value == null) {
        insert.setNull(index, Types.VARCHAR);
      } else if (value instanceof Long number) {
        insert.setLong(index, number);
      } else {
        insert.setString(index, StoredText.withoutNul((String) value));
      }
      index++;
    }
    return index;
  }
}
