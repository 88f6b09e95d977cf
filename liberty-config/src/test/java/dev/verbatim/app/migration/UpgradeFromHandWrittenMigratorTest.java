package dev.verbatim.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import dev.verbatim.platform.internal.infrastructure.PlatformMigrations;
import dev.verbatim.reporting.internal.infrastructure.ReportingMigrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A Derby database made by the hand-written migrator the application had before Flyway: Flyway
 * takes over where it stopped, re-applying nothing and keeping the data.
 */
class UpgradeFromHandWrittenMigratorTest {
  private final DataSource db = AllModuleMigrationsTest.freshDerby();

  /**
   * The highest script per module (platform, survey, followup, reporting) that the last release
   * with the hand-written migrator (main at e1bfa87) had: what a database made by it holds.
   */
  private static final Map<String, Integer> LAST_HAND_WRITTEN =
      Map.of("platform", 6, "survey", 6, "followup", 3, "reporting", 5);

  private static List<String> scriptsOfTheLastHandWrittenRelease(MigrationSource module) {
    int highest = LAST_HAND_WRITTEN.get(module.module());
    return module.scripts().stream()
        .filter(s -> Integer.parseInt(s.replaceAll(".*/V(\\d+)__.*", "$1")) <= highest)
        .toList();
  }

  @Test
  void aDatabaseOfTheLastHandWrittenReleaseIsBaselinedAndGetsOnlyTheNewerScripts()
      throws Exception {
    int newer = 0;
    try (Connection c = db.getConnection()) {
      HandWrittenMigrator.createHistory(c);
      for (MigrationSource module : Schemas.modules()) {
        List<String> old = scriptsOfTheLastHandWrittenRelease(module);
        HandWrittenMigrator.apply(c, module, old);
        newer += module.scripts().size() - old.size();
      }
      insertStaffUser(c, "anna");
    }

    ModuleMigrator.Outcome outcome = new ModuleMigrator(db, Schemas.modules()).migrate();

    assertThat(outcome.applied()).isEqualTo(newer);
    assertThat(outcome.modules())
        .extracting(ModuleMigrator.ModuleOutcome::baselinedAt)
        .containsExactly("6", "6", "3", "5");
    assertThat(Schemas.history(db, "platform").get(0))
        .isEqualTo(
            new Schemas.HistoryRow(
                "6", "BASELINE", "applied before Flyway (plt_schema_history)", true));
    assertThat(staffUsers()).containsExactly("anna");
    assertThat(new ModuleMigrator(db, Schemas.modules()).migrate().applied()).isZero();
  }

  @Test
  void theScriptTheOldMigratorHadNotAppliedYetIsAppliedAndTheDataStays() throws Exception {
    List<String> reporting = new ReportingMigrations().scripts();
    String last = reporting.get(reporting.size() - 1);
    try (Connection c = db.getConnection()) {
      HandWrittenMigrator.createHistory(c);
      for (MigrationSource module : Schemas.modules()) {
        List<String> scripts = module.scripts();
        HandWrittenMigrator.apply(
            c,
            module,
            module.module().equals("reporting") ? scripts.subList(0, scripts.size() - 1) : scripts);
      }
      insertStaffUser(c, "anna");
    }

    ModuleMigrator.Outcome outcome = new ModuleMigrator(db, Schemas.modules()).migrate();

    assertThat(outcome.applied()).isEqualTo(1);
    assertThat(outcome.appliedBy("reporting")).isEqualTo(1);
    assertThat(Schemas.appliedScripts(db, "reporting")).containsExactly(last);
    assertThat(Schemas.history(db, "reporting").get(0).type()).isEqualTo("BASELINE");
    assertThat(Schemas.history(db, "reporting").get(0).version()).isEqualTo("4");
    assertThat(Schemas.tables(db)).containsAll(Schemas.tablesTheScriptsCreate());
    assertThat(staffUsers()).containsExactly("anna");
    assertThat(oldHistoryRows())
        .as("plt_schema_history is left as it was")
        .isEqualTo(Schemas.scriptCount() - 1);
  }

  @Test
  void aModuleTheOldMigratorNeverRanIsMigratedFromItsFirstScript() throws Exception {
    try (Connection c = db.getConnection()) {
      HandWrittenMigrator.createHistory(c);
      HandWrittenMigrator.apply(c, new PlatformMigrations(), new PlatformMigrations().scripts());
    }

    ModuleMigrator.Outcome outcome = new ModuleMigrator(db, Schemas.modules()).migrate();

    assertThat(outcome.appliedBy("platform")).isZero();
    assertThat(outcome.applied())
        .isEqualTo(Schemas.scriptCount() - new PlatformMigrations().scripts().size());
    assertThat(Schemas.tables(db)).containsAll(Schemas.tablesTheScriptsCreate());
    for (MigrationSource module : Schemas.modules().subList(1, 4)) {
      assertThat(Schemas.appliedScripts(db, module.module()))
          .containsExactlyElementsOf(module.scripts());
    }
  }

  @Test
  void anOldHistoryWithAHoleBelowItsLastScriptIsRefusedNamingTheMissingScript() throws Exception {
    PlatformMigrations platform = new PlatformMigrations();
    List<String> scripts = platform.scripts();
    try (Connection c = db.getConnection()) {
      HandWrittenMigrator.createHistory(c);
      HandWrittenMigrator.apply(c, platform, scripts);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM plt_schema_history WHERE script = '" + scripts.get(2) + "'");
      }
    }

    assertThatThrownBy(() -> new ModuleMigrator(db, List.of(platform)).migrate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("module platform")
        .hasMessageContaining("but not " + scripts.get(2));
    assertThat(Schemas.tables(db)).doesNotContain(ModuleMigrator.historyTable("platform"));
  }

  private static void insertStaffUser(Connection c, String username) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO plt_staff_user (id, username, email, display_name, roles, password_hash,"
              + " active, created_at) VALUES ('u-1', '"
              + username
              + "', 'a@example.com', 'A', 'ADMIN', 'x', TRUE, 0)");
    }
  }

  private List<String> staffUsers() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT username FROM plt_staff_user")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }

  private int oldHistoryRows() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM plt_schema_history")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
