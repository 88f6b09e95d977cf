package dev.verbatim.platform.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.MigrationSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class ModuleMigratorTest {
  private final DataSource db = freshDerby();

  @Test
  void aFreshDatabaseGetsThePlatformTablesAndAHistoryOfEveryScript() throws Exception {
    ModuleMigrator.Outcome outcome =
        new ModuleMigrator(db, List.of(new PlatformMigrations())).migrate();

    List<String> scripts = new PlatformMigrations().scripts();
    assertThat(outcome.appliedBy("platform")).isEqualTo(scripts.size());
    assertThat(outcome.database()).startsWith("Apache Derby 10.16").contains("jdbc:derby:memory:");
    assertThat(tables(db))
        .contains("plt_staff_user", "plt_outbox", "plt_secret_key", "flyway_history_platform");
    assertThat(history(db, "platform")).containsExactlyElementsOf(scripts);
  }

  @Test
  void aSecondRunAppliesNothing() {
    new ModuleMigrator(db, List.of(new PlatformMigrations())).migrate();

    assertThat(new ModuleMigrator(db, List.of(new PlatformMigrations())).migrate().applied())
        .isZero();
  }

  @Test
  void aVendorScriptReplacesTheCommonOneAndStatementsSplitWhereSqlSaysSo() throws Exception {
    new ModuleMigrator(db, List.of(source("vendored", 0, "V1__common.sql", "V2__plain.sql")))
        .migrate();

    assertThat(tables(db)).contains("vnd_derby", "vnd_plain").doesNotContain("vnd_common");
    assertThat(history(db, "vendored"))
        .containsExactly("db/vendored/derby/V1__common.sql", "db/vendored/V2__plain.sql");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT y FROM vnd_plain ORDER BY y")) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      assertThat(values).containsExactly("line\nbreak;", "second");
    }
  }

  @Test
  void aFailingScriptIsNamedWithItsModuleAndLeavesNothingOfItselfBehind() throws Exception {
    ModuleMigrator migrator =
        new ModuleMigrator(db, List.of(source("broken", 0, "V1__fine.sql", "V2__fails.sql")));

    assertThatThrownBy(migrator::migrate)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("module broken")
        .hasMessageContaining("db/broken/V2__fails.sql");
    assertThat(tables(db)).contains("brk_fine").doesNotContain("brk_half");
    assertThat(history(db, "broken")).containsExactly("db/broken/V1__fine.sql");
  }

  @Test
  void aListedScriptMissingFromTheClassPathIsNamed() {
    ModuleMigrator migrator =
        new ModuleMigrator(db, List.of(source("broken", 0, "V1__fine.sql", "V3__nowhere.sql")));

    assertThatThrownBy(migrator::migrate)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("module broken")
        .hasMessageContaining("db/broken/V3__nowhere.sql");
  }

  @Test
  void modulesRunInTheirOrderEachWithItsOwnVersions() throws Exception {
    MigrationSource second = source("vendored", 5, "V1__common.sql");
    MigrationSource first = source("broken", 1, "V1__fine.sql");

    ModuleMigrator.Outcome outcome = new ModuleMigrator(db, List.of(second, first)).migrate();

    assertThat(outcome.modules())
        .extracting(ModuleMigrator.ModuleOutcome::module)
        .containsExactly("broken", "vendored");
    assertThat(history(db, "broken")).containsExactly("db/broken/V1__fine.sql");
    assertThat(history(db, "vendored")).containsExactly("db/vendored/derby/V1__common.sql");
  }

  static MigrationSource source(String module, int order, String... files) {
    List<String> scripts = new ArrayList<>();
    for (String file : files) {
      scripts.add("db/" + module + "/" + file);
    }
    return new MigrationSource() {
      @Override
      public String module() {
        return module;
      }

      @Override
      public int order() {
        return order;
      }

      @Override
      public List<String> scripts() {
        return scripts;
      }
    };
  }

  static DataSource freshDerby() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:migrator-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    return ds;
  }

  /** Table names of the current schema, in lower case. */
  static List<String> tables(DataSource db) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.getConnection();
        ResultSet rows =
            c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** The scripts a module's Flyway history records as successfully applied, in order. */
  static List<String> history(DataSource db, String module) throws SQLException {
    List<String> scripts = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT \"script\" FROM \""
                    + ModuleMigrator.historyTable(module)
                    + "\" WHERE \"success\" AND \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
      while (rows.next()) {
        scripts.add(rows.getString(1));
      }
    }
    return scripts;
  }
}
