package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start-up, gives terms to every case fact that has none (facts recorded before this version),
 * in batches of {@value #BATCH} cases per transaction. After the demo data (priority 70).
 */
@ApplicationScoped
public class CaseTermBackfill {
  static final Logger LOG = Logger.getLogger(CaseTermBackfill.class.getName());
  static final int BATCH = 500;

  @Inject CaseTermIndexer indexer;

  void backfill(@Observes @Priority(90) SchemaReady ready) {
    long total = 0;
    int done;
    do {
      done = indexer.indexMissing(BATCH);
      total += done;
    } while (done == BATCH);
    if (total > 0) {
      long indexed = total;
      LOG.info(() -> "Extracted the terms of " + indexed + " earlier comment(s)");
    }
  }
}
