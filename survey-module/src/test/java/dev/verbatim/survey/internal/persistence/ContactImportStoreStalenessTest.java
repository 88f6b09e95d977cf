package dev.verbatim.survey.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.survey.internal.application.imports.ImportStatus;
import dev.verbatim.survey.internal.infrastructure.SurveyMigrations;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's heartbeat and sweep on an in-memory Derby migrated with the survey scripts (V7
 * included): two server instances share the table; the sweep fails only what has gone quiet.
 */
class ContactImportStoreStalenessTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final long STALE_BEFORE = NOW - 120_000;
  private static int databases;

  private final ContactImportStore store = new ContactImportStore();

  @BeforeEach
  void migratedDatabase() throws Exception {
    String url = "jdbc:derby:memory:imports-" + databases++ + ";create=true";
    store.dataSource = new DriverManagerDataSource(url);
    try (Connection db = DriverManager.getConnection(url);
        Statement statement = db.createStatement()) {
      for (String script : new SurveyMigrations().scripts()) {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(script)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\\R")) {
          if (line.strip().isEmpty() || line.strip().startsWith("--")) {
            continue;
          }
          sql.append(line).append('\n');
          if (line.strip().endsWith(";")) {
            String s = sql.toString().strip();
            statement.execute(s.substring(0, s.length() - 1));
            sql.setLength(0);
          }
        }
      }
    }
  }

  @Test
  void anotherServersImportWithAFreshHeartbeatIsLeftRunning() throws Exception {
    store.insert("running-elsewhere", "a.csv", "email", "server-b", NOW - 200_000);
    store.started("running-elsewhere", 10, NOW - 200_000);
    store.heartbeat("server-b", NOW - 5_000);

    assertThat(store.failStale("stopped", STALE_BEFORE, NOW)).isZero();
    assertThat(store.find("running-elsewhere").orElseThrow().status())
        .isEqualTo(ImportStatus.RUNNING);
  }

  @Test
  void anImportWhoseServerWentQuietIsFailedWithTheReason() throws Exception {
    store.insert("abandoned", "a.csv", "email", "server-gone", NOW - 300_000);
    store.started("abandoned", 10, NOW - 300_000);
    store.insert("queued-fresh", "b.csv", "email", "server-b", NOW - 1_000);

    assertThat(store.failStale("the server running it stopped", STALE_BEFORE, NOW)).isEqualTo(1);
    ImportStatus abandoned = store.find("abandoned").orElseThrow();
    assertThat(abandoned.status()).isEqualTo(ImportStatus.FAILED);
    assertThat(abandoned.problem()).isEqualTo("the server running it stopped");
    assertThat(abandoned.finishedAt()).isEqualTo(NOW);
    assertThat(store.find("queued-fresh").orElseThrow().status()).isEqualTo(ImportStatus.QUEUED);
  }

  @Test
  void aHeartbeatRenewsOnlyTheUnfinishedImportsOfItsOwnServer() throws Exception {
    store.insert("mine", "a.csv", "email", "server-a", NOW - 300_000);
    store.insert("theirs", "b.csv", "email", "server-b", NOW - 300_000);
    store.insert("mine-done", "c.csv", "email", "server-a", NOW - 300_000);
    store.finished("mine-done", ImportStatus.DONE, null, NOW - 250_000);

    assertThat(store.heartbeat("server-a", NOW)).isEqualTo(1);
    assertThat(store.failStale("stopped", STALE_BEFORE, NOW)).isEqualTo(1);
    assertThat(store.find("mine").orElseThrow().status()).isEqualTo(ImportStatus.QUEUED);
    assertThat(store.find("theirs").orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
    assertThat(store.find("mine-done").orElseThrow().status()).isEqualTo(ImportStatus.DONE);
  }

  /** Autocommit connections from the Derby driver, as Liberty's data source hands them out. */
  private record DriverManagerDataSource(String url) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
