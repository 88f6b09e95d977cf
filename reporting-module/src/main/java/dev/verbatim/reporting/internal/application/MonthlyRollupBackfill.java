package dev.verbatim.reporting.internal.application;

import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The monthly rollups (V4) arrived after the daily ones: a database that already had report facts
 * gets them filled once, by the recompute, when the application starts. A database whose monthly
 * rollups were kept from the start (or that has no facts yet) is left alone.
 */
@ApplicationScoped
public class MonthlyRollupBackfill {
  private static final Logger LOG = Logger.getLogger(MonthlyRollupBackfill.class.getName());

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  @Inject ReportService reports;

  void fill(@Observes SchemaReady ready) {
    try {
      if (hasRows("rpt_rollup_survey") && !hasRows("rpt_rollup_survey_m")) {
        reports.recompute();
        LOG.info("Reporting: monthly rollups filled from the report facts");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("checking the monthly rollups failed", e);
    }
  }

  private boolean hasRows(String table) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")) {
      return rs.next();
    }
  }
}
