package dev.verbatim.reporting.internal.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per key for the last {@value #WEEKS} weeks before an end time, oldest week first, counted
 * in the database (the bucket is {@code (end - opened_at) / week}).
 */
public final class WeeklyCounts {
  public static final int WEEKS = 8;
  static final long WEEK = 7 * 86_400_000L;

  private WeeklyCounts() {}

  /**
   * @param keyColumn column to group by (a literal column name of {@code table})
   * @param where extra conditions starting with " AND", with {@code params}
   */
  static Map<String, long[]> of(
      ReportJdbc jdbc,
      String table,
      String keyColumn,
      long end,
      String where,
      List<Object> params) {
    long start = end - WEEKS * WEEK;
    List<Object> all = new ArrayList<>(params);
    all.add(0, end);
    all.add(1, start);
    Map<String, long[]> byKey = new HashMap<>();
    jdbc.each(
        "SELECT k, wk, COUNT(*) FROM (SELECT "
            + keyColumn
            + " AS k, ("
            + end
            + " - opened_at) / "
            + WEEK
            + " AS wk FROM "
            + table
            + " WHERE opened_at < ? AND opened_at >= ?"
            + where
            + ") x GROUP BY k, wk",
        all,
        rs -> {
          int week = (int) rs.getLong(2);
          if (week >= 0 && week < WEEKS) {
            byKey.computeIfAbsent(rs.getString(1), k -> new long[WEEKS])[WEEKS - 1 - week] =
                rs.getLong(3);
          }
        });
    return byKey;
  }
}
