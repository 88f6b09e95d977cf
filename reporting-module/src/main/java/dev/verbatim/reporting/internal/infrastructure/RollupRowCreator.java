package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.reporting.internal.domain.RollupStripes;
import dev.verbatim.reporting.internal.domain.RollupTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.List;

/**
 * Creates a missing rollup row with zero counters in a transaction of its own. Two first events for
 * the same day may race to create it: the loser's insert fails on the primary key, which only rolls
 * back this small transaction (on PostgreSQL a failed statement would otherwise spoil the event's
 * whole transaction); the caller then finds the winner's row and adds to it.
 */
@ApplicationScoped
public class RollupRowCreator {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void createZeroRow(RollupTable table, List<Object> key, int stripe) {
    var insert = ReportSql.on(em, insertZeroRow(table));
    for (int i = 0; i < key.size(); i++) {
      insert.setParameter(i + 1, key.get(i));
    }
    insert.setParameter(key.size() + 1, stripe);
    insert.executeUpdate();
  }

  static String insertZeroRow(RollupTable table) {
    return "INSERT INTO "
        + table.table
        + " ("
        + String.join(", ", table.keys)
        + ", "
        + RollupStripes.COLUMN
        + ", "
        + String.join(", ", table.values)
        + ") VALUES ("
        + String.join(", ", Collections.nCopies(table.keys.size() + 1, "?"))
        + ", "
        + String.join(", ", Collections.nCopies(table.values.size(), "0"))
        + ")";
  }
}
