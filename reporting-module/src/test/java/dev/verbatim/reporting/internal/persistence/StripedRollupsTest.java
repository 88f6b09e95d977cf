package dev.verbatim.reporting.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import dev.verbatim.reporting.internal.domain.HeadlineCounts;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.Rollup;
import dev.verbatim.reporting.internal.domain.RollupRules;
import dev.verbatim.reporting.internal.domain.RollupStripes;
import dev.verbatim.reporting.internal.domain.RollupTable;
import dev.verbatim.reporting.internal.infrastructure.ReportingMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollups written to several stripes read back as one figure, on Derby with the real schema.
 */
class StripedRollupsTest {
  private static final String SURVEY = UUID.randomUUID().toString();
  private static final int DAY = (int) LocalDate.of(2026, 3, 10).toEpochDay();

  private Connection db;

  @BeforeEach
  void schema() throws Exception {
    String name = "memory:stripes" + UUID.randomUUID();
    migrate(name, new ReportingMigrations().scripts());
    db = DriverManager.getConnection("jdbc:derby:" + name);
    db.setAutoCommit(false);
  }

  /** The reporting module's schema up to the given scripts, as the application migrates it. */
  private static void migrate(String databaseName, List<String> scripts) {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName(databaseName);
    ds.setCreateDatabase("create");
    MigrationSource reporting =
        new MigrationSource() {
          @Override
          public String module() {
            return "reporting";
          }

          @Override
          public int order() {
            return 30;
          }

          @Override
          public List<String> scripts() {
            return scripts;
          }
        };
    new ModuleMigrator(ds, List.of(reporting)).migrate();
  }

  @Test
  void rowsKeptBeforeStripingCountInStripeZero() throws Exception {
    db.rollback();
    db.close();
    String name = "memory:old" + UUID.randomUUID();
    List<String> scripts = new ReportingMigrations().scripts();
    migrate(name, scripts.subList(0, scripts.size() - 1));
    db = DriverManager.getConnection("jdbc:derby:" + name);
    db.setAutoCommit(false);
    try (Statement st = db.createStatement()) {
      st.executeUpdate(
          "INSERT INTO rpt_roll_survey_m (survey_id, month_no, invitations, responses, nps_0, nps_1,"
              + " nps_2, nps_3, nps_4, nps_5, nps_6, nps_7, nps_8, nps_9, nps_10, csat_n, csat_top2,"
              + " ces_n, ces_sum, comments) VALUES ('"
              + SURVEY
              + "', 674, 5, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 1)");
    }

    db.commit();
    migrate(name, scripts);
    respond(5, 10);

    assertEquals(5, new ReportQueries(db).headline(ReportFilter.ALL, 0).responses());
    try (Statement st = db.createStatement();
        var rs =
            st.executeQuery(
                "SELECT responses FROM "
                    + RollupTable.SURVEY_MONTH.table
                    + " WHERE "
                    + RollupStripes.COLUMN
                    + " = 0 AND month_no = 674")) {
      assertTrue(rs.next());
      assertEquals(4, rs.getLong(1));
    }
  }

  @AfterEach
  void close() throws SQLException {
    db.rollback();
    db.close();
  }

  @Test
  void headlineAddsTheResponsesOfEveryStripe() throws SQLException {
    respond(3, 9);
    respond(11, 2);
    respond(11, 10);

    HeadlineCounts both = new ReportQueries(db).headline(ReportFilter.ALL, 0);
    HeadlineCounts oneSurvey =
        new ReportQueries(db)
            .headline(new ReportFilter(SURVEY, null, null, LocalDate.of(2026, 3, 9), null), 0);

    assertEquals(3, both.responses());
    assertEquals(3, oneSurvey.responses());
  }

  @Test
  void recomputeComparisonAddsTheStripesOfARow() throws SQLException {
    respond(3, 9);
    respond(11, 2);
    Rollup fromFacts = new Rollup();
    List<Object> key = List.of(SURVEY, DAY, RollupRules.week(DAY));
    fromFacts.add(RollupTable.SURVEY_DAY, key, "responses", 2);

    var responses =
        new RollupRecompute(db)
            .compare(fromFacts).stream()
                .filter(c -> c.figure().equals(RollupTable.SURVEY_DAY.table + ".responses"))
                .findFirst()
                .orElseThrow();

    assertEquals(2, responses.incremental());
    assertTrue(responses.agree(), responses.toString());
  }

  @Test
  void recomputeWritesStripeZeroOnly() throws SQLException {
    respond(3, 9);
    respond(11, 2);
    Rollup fromFacts = new Rollup();
    fromFacts.add(
        RollupTable.SURVEY_DAY, List.of(SURVEY, DAY, RollupRules.week(DAY)), "responses", 2);

    new RollupRecompute(db).replace(fromFacts);

    try (Statement st = db.createStatement();
        var rs =
            st.executeQuery(
                "SELECT "
                    + RollupStripes.COLUMN
                    + ", responses FROM "
                    + RollupTable.SURVEY_DAY.table)) {
      assertTrue(rs.next());
      assertEquals(RollupStripes.RECOMPUTED, rs.getInt(1));
      assertEquals(2, rs.getLong(2));
      assertTrue(!rs.next(), "one row");
    }
  }

  /** One response with an NPS score, counted in the given stripe of the day and month rows. */
  private void respond(int stripe, int score) throws SQLException {
    Rollup r = new Rollup();
    List<Object> dayKey = List.of(SURVEY, DAY, RollupRules.week(DAY));
    List<Object> monthKey = List.of(SURVEY, RollupRules.month(DAY));
    for (var row :
        List.of(
            List.of(RollupTable.SURVEY_DAY, dayKey), List.of(RollupTable.SURVEY_MONTH, monthKey))) {
      RollupTable t = (RollupTable) row.get(0);
      @SuppressWarnings("unchecked")
      List<Object> key = (List<Object>) row.get(1);
      r.add(t, key, "responses", 1);
      r.add(t, key, "nps_" + score, 1);
    }
    for (RollupTable t : List.of(RollupTable.SURVEY_DAY, RollupTable.SURVEY_MONTH)) {
      r.rows(t)
          .forEach(
              (key, deltas) -> {
                try (PreparedStatement insert =
                        db.prepareStatement(RollupRowCreator.insertZeroRow(t));
                    PreparedStatement update = db.prepareStatement(RollupStore.updateSql(t))) {
                  int p = 1;
                  for (Object k : key) {
                    insert.setObject(p++, k);
                  }
                  insert.setInt(p, stripe);
                  try {
                    insert.executeUpdate();
                  } catch (SQLIntegrityConstraintViolationException exists) {
                    // the stripe's row is there already
                  }
                  p = 1;
                  for (long d : deltas) {
                    update.setLong(p++, d);
                  }
                  for (Object k : key) {
                    update.setObject(p++, k);
                  }
                  update.setInt(p, stripe);
                  assertEquals(1, update.executeUpdate());
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
    }
  }
}
