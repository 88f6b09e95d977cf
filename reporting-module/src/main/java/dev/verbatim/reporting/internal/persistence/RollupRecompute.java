package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.ResponseFact;
import dev.verbatim.reporting.internal.domain.Rollup;
import dev.verbatim.reporting.internal.domain.RollupRules;
import dev.verbatim.reporting.internal.domain.RollupStripes;
import dev.verbatim.reporting.internal.domain.RollupTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Computes every rollup from the fact rows (streamed with a fetch size, never held as a list),
 * compares the result with the rollups kept incrementally (summed over their stripes), and can
 * write it in their place (all in stripe 0). Plain JDBC on a given connection, so the benchmark
 * runs it outside the container.
 */
public final class RollupRecompute {
  private static final int FETCH = 2_000;
  private final Connection db;

  public RollupRecompute(Connection db) {
    this.db = db;
  }

  /** Per figure (table.counter): the incremental total, the recomputed total, rows that differ. */
  public record Comparison(
      String figure, long incremental, long recomputed, long rowsDiffering, boolean agree) {}

  public Rollup fromFacts() throws SQLException {
    Rollup r = new Rollup();
    stream(
        "SELECT survey_id, created_at FROM rpt_invitation",
        rs -> RollupRules.invitation(r, rs.getString(1), rs.getLong(2), Map.of()));
    stream(
        "SELECT i.survey_id, i.created_at, s.attr_name, s.attr_value FROM rpt_invitation i"
            + " JOIN rpt_contact_segment s ON s.contact_id = i.contact_id",
        rs ->
            RollupRules.invitationSegment(
                r, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
    String responseColumns =
        "r.response_id, r.survey_id, r.contact_id, r.submitted_at, r.nps_score, r.csat_score,"
            + " r.ces_score, r.comments";
    stream(
        "SELECT " + responseColumns + " FROM rpt_response r",
        rs -> RollupRules.response(r, response(rs), Map.of()));
    stream(
        "SELECT "
            + responseColumns
            + ", s.attr_name, s.attr_value FROM rpt_response r"
            + " JOIN rpt_contact_segment s ON s.contact_id = r.contact_id",
        rs -> RollupRules.responseSegment(r, response(rs), rs.getString(9), rs.getString(10)));
    stream(
        "SELECT " + CaseFactRows.COLUMNS + " FROM rpt_case",
        rs -> RollupRules.caseSnapshot(r, CaseFactRows.snapshot(rs), 1, Map.of()));
    String prefixed =
        String.join(
            ", ",
            List.of(CaseFactRows.COLUMNS.split(",\\s*")).stream().map(c -> "c." + c).toList());
    stream(
        "SELECT "
            + prefixed
            + ", s.attr_name, s.attr_value FROM rpt_case c"
            + " JOIN rpt_contact_segment s ON s.contact_id = c.contact_id",
        rs ->
            RollupRules.caseSegment(
                r, CaseFactRows.snapshot(rs), 1, rs.getString(18), rs.getString(19)));
    return r;
  }

  public List<Comparison> compare(Rollup recomputed) throws SQLException {
    List<Comparison> result = new ArrayList<>();
    for (RollupTable table : RollupTable.values()) {
      Map<List<Object>, long[]> stored = stored(table);
      Map<List<Object>, long[]> computed = recomputed.rows(table);
      for (int i = 0; i < table.values.size(); i++) {
        long inc = 0;
        long rec = 0;
        long differing = 0;
        for (long[] v : stored.values()) {
          inc += v[i];
        }
        for (long[] v : computed.values()) {
          rec += v[i];
        }
        for (List<Object> key : union(stored, computed)) {
          long a = stored.containsKey(key) ? stored.get(key)[i] : 0;
          long b = computed.containsKey(key) ? computed.get(key)[i] : 0;
          if (a != b) {
            differing++;
          }
        }
        result.add(
            new Comparison(
                table.table + "." + table.values.get(i), inc, rec, differing, differing == 0));
      }
    }
    return result;
  }

  /** Replaces every rollup row with the recomputed ones (batched inserts). */
  public void replace(Rollup recomputed) throws SQLException {
    for (RollupTable table : RollupTable.values()) {
      try (Statement delete = db.createStatement()) {
        delete.executeUpdate("DELETE FROM " + table.table);
      }
      String insert =
          "INSERT INTO "
              + table.table
              + " ("
              + String.join(", ", table.keys)
              + ", "
              + RollupStripes.COLUMN
              + ", "
              + String.join(", ", table.values)
              + ") VALUES ("
              + String.join(", ", Collections.nCopies(table.keys.size(), "?"))
              + ", "
              + RollupStripes.RECOMPUTED
              + ", "
              + String.join(", ", Collections.nCopies(table.values.size(), "?"))
              + ")";
      try (PreparedStatement ps = db.prepareStatement(insert)) {
        int pending = 0;
        for (Map.Entry<List<Object>, long[]> row : recomputed.rows(table).entrySet()) {
          int p = 1;
          for (Object k : row.getKey()) {
            ps.setObject(p++, k);
          }
          for (long v : row.getValue()) {
            ps.setLong(p++, v);
          }
          ps.addBatch();
          if (++pending == 1_000) {
            ps.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          ps.executeBatch();
        }
      }
    }
  }

  /** The stored rows with their stripes added up. */
  private Map<List<Object>, long[]> stored(RollupTable table) throws SQLException {
    Map<List<Object>, long[]> rows = new HashMap<>();
    String keys = String.join(", ", table.keys);
    stream(
        "SELECT "
            + keys
            + ", "
            + table.values.stream().map(v -> "SUM(" + v + ")").collect(Collectors.joining(", "))
            + " FROM "
            + table.table
            + " GROUP BY "
            + keys,
        rs -> {
          List<Object> key = new ArrayList<>();
          for (int k = 0; k < table.keys.size(); k++) {
            Object o = rs.getObject(k + 1);
            key.add(o instanceof String text ? text.strip() : ((Number) o).intValue());
          }
          long[] v = new long[table.values.size()];
          boolean any = false;
          for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(table.keys.size() + i + 1);
            any |= v[i] != 0;
          }
          if (any) {
            rows.put(List.copyOf(key), v);
          }
        });
    return rows;
  }

  private static List<List<Object>> union(
      Map<List<Object>, long[]> a, Map<List<Object>, long[]> b) {
    List<List<Object>> keys = new ArrayList<>(a.keySet());
    for (List<Object> k : b.keySet()) {
      if (!a.containsKey(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static ResponseFact response(ResultSet rs) throws SQLException {
    return new ResponseFact(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        (Integer) rs.getObject(5),
        (Integer) rs.getObject(6),
        (Integer) rs.getObject(7),
        rs.getInt(8));
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void stream(String sql, RowHandler handler) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setFetchSize(FETCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    }
  }
}
