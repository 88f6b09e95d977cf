package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.Rollup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The report reads, exports and rollup recompute that run on a connection of their own (read only
 * work needs no transaction; the recompute's connection joins the caller's JTA transaction).
 */
@ApplicationScoped
public class ReportDatabase {
  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  /** Runs report queries on a connection of its own (read only, no transaction needed). */
  public <T> T read(Query<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(new ReportQueries(c));
    } catch (SQLException e) {
      throw new IllegalStateException("a report query failed", e);
    }
  }

  /** Streams fact rows (CSV exports) on a connection of its own. */
  public void export(Export work) {
    try (Connection c = dataSource.getConnection()) {
      work.run(new FactExports(c));
    } catch (SQLException e) {
      throw new IllegalStateException("an export failed", e);
    }
  }

  /**
   * Recomputes every rollup from the facts, compares with the incremental ones, then replaces them;
   * the comparison of each figure.
   */
  public List<RollupRecompute.Comparison> recomputeRollups() {
    try (Connection c = dataSource.getConnection()) {
      RollupRecompute recompute = new RollupRecompute(c);
      Rollup fromFacts = recompute.fromFacts();
      List<RollupRecompute.Comparison> figures = recompute.compare(fromFacts);
      recompute.replace(fromFacts);
      return figures;
    } catch (SQLException e) {
      throw new IllegalStateException("recomputing the rollups failed", e);
    }
  }

  /**
   * Whether the database has daily rollups but no monthly ones (V4): a database that had report
   * facts before the monthly rollups arrived.
   */
  public boolean monthlyRollupsMissing() {
    try {
      return hasRows("rpt_rollup_survey") && !hasRows("rpt_rollup_survey_m");
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

  public interface Export {
    void run(FactExports exports) throws SQLException;
  }

  public interface Query<T> {
    T run(ReportQueries queries) throws SQLException;
  }
}
