package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.RollupStripes;
import dev.verbatim.reporting.internal.domain.RollupTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.List;

/**
 * Creates a missing rollup row with zero counters, in the applying transaction. Rollups are written
 * by one applier at a time (the reporting listener's lease in the module-event log, which a
 * recompute holds too), so no other transaction races to create the same row. (Creating it in a
 * transaction of its own, as when every customer's transaction wrote rollups, waited on the lock
 * the applying transaction's own UPDATE had just taken on Derby, until the lock timeout.)
 */
@ApplicationScoped
public class RollupRowCreator {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
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
