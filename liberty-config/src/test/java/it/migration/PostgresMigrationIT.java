package it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.app.migration.HandWrittenMigrator;
import dev.verbatim.app.migration.Schemas;
import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations on a real PostgreSQL: the cluster src/it/ensure-postgresql.sh starts, described by
 * the properties file named by {@code verbatim.pgProperties} (url, user, password). Each test gets
 * a database of its own, dropped afterwards. Fails, never skips, when there is no PostgreSQL.
 */
class PostgresMigrationIT {
  private Properties pg;
  private final List<String> created = new ArrayList<>();

  @BeforeEach
  void readConnectionProperties() throws IOException {
    Path file =
        Path.of(System.getProperty("verbatim.pgProperties", "target/postgresql/pg.properties"));
    assertThat(file)
        .as("PostgreSQL connection properties (src/it/ensure-postgresql.sh writes them)")
        .exists();
    pg = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      pg.load(in);
    }
    assertThat(pg.getProperty("url")).as("url in " + file).startsWith("jdbc:postgresql://");
  }

  @AfterEach
  void dropDatabases() throws SQLException {
    try (Connection c = maintenance();
        Statement s = c.createStatement()) {
      for (String name : created) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @Test
  void aFreshDatabaseGetsEveryTableAndEveryScriptInItsModulesHistory() throws Exception {
    PGSimpleDataSource db = freshDatabase();

    ModuleMigrator.Outcome outcome = new ModuleMigrator(db, Schemas.modules()).migrate();

    assertThat(outcome.database())
        .startsWith("PostgreSQL ")
        .contains(" at jdbc:postgresql://")
        .contains("(user " + pg.getProperty("user") + ")")
        .doesNotContain(pg.getProperty("password"));
    assertThat(outcome.applied()).isEqualTo(Schemas.scriptCount());
    assertThat(Schemas.tables(db)).containsAll(Schemas.tablesTheScriptsCreate());
    for (MigrationSource module : Schemas.modules()) {
      assertThat(Schemas.appliedScripts(db, module.module()))
          .as(module.module())
          .containsExactlyElementsOf(module.scripts());
    }
    assertThat(new ModuleMigrator(db, Schemas.modules()).migrate().applied()).isZero();
    assertThat(advisoryLockIsFree(db)).as("the run released its advisory lock").isTrue();
  }

  @Test
  void fourServersStartingTogetherOnAnEmptyDatabaseApplyEachScriptExactlyOnce() throws Exception {
    PGSimpleDataSource db = freshDatabase();
    int servers = 4;
    CyclicBarrier start = new CyclicBarrier(servers);
    ExecutorService pool = Executors.newFixedThreadPool(servers);
    List<Future<ModuleMigrator.Outcome>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < servers; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return new ModuleMigrator(dataSource(db.getDatabaseName()), Schemas.modules())
                      .migrate();
                }));
      }
      List<Integer> applied = new ArrayList<>();
      for (Future<ModuleMigrator.Outcome> run : runs) {
        applied.add(run.get(3, TimeUnit.MINUTES).applied());
      }

      assertThat(applied)
          .as("one server migrated everything while the others waited, then found nothing to do")
          .containsExactlyInAnyOrder(Schemas.scriptCount(), 0, 0, 0);
    } finally {
      pool.shutdownNow();
    }
    for (MigrationSource module : Schemas.modules()) {
      for (String script : module.scripts()) {
        assertThat(timesRecorded(db, module.module(), script)).as(script).isEqualTo(1);
      }
      assertThat(Schemas.appliedScripts(db, module.module()))
          .containsExactlyElementsOf(module.scripts());
    }
    assertThat(Schemas.tables(db)).containsAll(Schemas.tablesTheScriptsCreate());
  }

  @Test
  void aDatabaseTheHandWrittenMigratorMadeIsTakenOverWithoutReapplyingAnything() throws Exception {
    PGSimpleDataSource db = freshDatabase();
    try (Connection c = db.getConnection()) {
      HandWrittenMigrator.createHistory(c);
      for (MigrationSource module : Schemas.modules()) {
        List<String> scripts = module.scripts();
        HandWrittenMigrator.apply(
            c,
            module,
            module.module().equals("survey") ? scripts.subList(0, scripts.size() - 1) : scripts);
      }
    }

    ModuleMigrator.Outcome outcome = new ModuleMigrator(db, Schemas.modules()).migrate();

    assertThat(outcome.applied()).isEqualTo(1);
    assertThat(outcome.appliedBy("survey")).isEqualTo(1);
    assertThat(Schemas.tables(db)).containsAll(Schemas.tablesTheScriptsCreate());
  }

  private int timesRecorded(PGSimpleDataSource db, String module, String script)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM "
                    + ModuleMigrator.historyTable(module)
                    + " WHERE script = ? AND success")) {
      s.setString(1, script);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static boolean advisoryLockIsFree(PGSimpleDataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, ModuleMigrator.LOCK_KEY);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  private PGSimpleDataSource freshDatabase() throws SQLException {
    String name = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = maintenance();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    created.add(name);
    return dataSource(name);
  }

  private PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(urlOf(database));
    ds.setUser(pg.getProperty("user"));
    ds.setPassword(pg.getProperty("password", ""));
    return ds;
  }

  /** The same cluster's {@code postgres} database, to create and drop the test databases. */
  private Connection maintenance() throws SQLException {
    return DriverManager.getConnection(
        urlOf("postgres"), pg.getProperty("user"), pg.getProperty("password", ""));
  }

  /** The configured URL with another database name (host, port and parameters kept). */
  private String urlOf(String database) {
    String url = pg.getProperty("url");
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }
}
