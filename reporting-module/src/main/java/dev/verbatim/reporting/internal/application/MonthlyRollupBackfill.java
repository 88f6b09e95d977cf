package dev.verbatim.reporting.internal.application;

import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.reporting.internal.persistence.ReportDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The monthly rollups (V4) arrived after the daily ones: a database that already had report facts
 * gets them filled once, by the recompute, when the application starts. A database whose monthly
 * rollups were kept from the start (or that has no facts yet) is left alone.
 */
@ApplicationScoped
public class MonthlyRollupBackfill {
  private static final Logger LOG = Logger.getLogger(MonthlyRollupBackfill.class.getName());

  @Inject ReportDatabase database;
  @Inject ReportService reports;

  void fill(@Observes SchemaReady ready) {
    if (database.monthlyRollupsMissing()) {
      reports.recompute();
      LOG.info("Reporting: monthly rollups filled from the report facts");
    }
  }
}
