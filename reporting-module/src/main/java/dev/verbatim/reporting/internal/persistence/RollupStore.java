package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.Rollup;
import dev.verbatim.reporting.internal.domain.RollupStripes;
import dev.verbatim.reporting.internal.domain.RollupTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Adds a batch of events' rollup changes in the transaction that applies them: one {@code UPDATE
 * ... SET n = n + ?} per row, on the transaction's stripe ({@link RollupStripe}), and when that row
 * does not exist yet, creates it with zeros first (see {@link RollupRowCreator}).
 */
@ApplicationScoped
public class RollupStore {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject RollupRowCreator creator;

  @Inject RollupStripe stripe;

  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(Rollup changes) {
    int s = stripe.current();
    for (RollupTable table : RollupTable.values()) {
      changes.rows(table).forEach((key, deltas) -> add(table, key, s, deltas));
    }
  }

  private void add(RollupTable table, List<Object> key, int s, long[] deltas) {
    if (update(table, key, s, deltas) > 0) {
      return;
    }
    creator.createZeroRow(table, key, s);
    if (update(table, key, s, deltas) == 0) {
      throw new IllegalStateException(
          "rollup row " + table.table + " " + key + " stripe " + s + " is missing");
    }
  }

  private int update(RollupTable table, List<Object> key, int s, long[] deltas) {
    Query q = ReportSql.on(em, updateSql(table));
    int p = 1;
    for (long d : deltas) {
      q.setParameter(p++, d);
    }
    for (Object k : key) {
      q.setParameter(p++, k);
    }
    q.setParameter(p, s);
    return q.executeUpdate();
  }

  static String updateSql(RollupTable table) {
    return "UPDATE "
        + table.table
        + " SET "
        + table.values.stream().map(v -> v + " = " + v + " + ?").collect(Collectors.joining(", "))
        + " WHERE "
        + table.keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "))
        + " AND "
        + RollupStripes.COLUMN
        + " = ?";
  }
}
