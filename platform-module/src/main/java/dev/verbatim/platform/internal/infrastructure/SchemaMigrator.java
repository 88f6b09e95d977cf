package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies each module's versioned SQL scripts once, at start-up, before anything else touches the
 * database. Each script runs in its own transaction together with its history row, so a failed
 * script leaves nothing half-applied. Run by ApplicationStartup.
 */
@ApplicationScoped
public class SchemaMigrator {
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final String HISTORY = "plt_schema_history";

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  @Inject Instance<MigrationSource> sources;

  public void migrate() {
    List<MigrationSource> ordered = new ArrayList<>();
    sources.forEach(ordered::add);
    ordered.sort(Comparator.comparingInt(MigrationSource::order));
    try (Connection connection = dataSource.getConnection()) {
      ensureHistoryTable(connection);
      Set<String> applied = appliedScripts(connection);
      int count = 0;
      for (MigrationSource source : ordered) {
        for (String script : source.scripts()) {
          if (applied.add(source.module() + "/" + script)) {
            apply(connection, source.module(), script);
            count++;
          }
        }
      }
      LOG.info(() -> "Schema up to date");
      if (count > 0) {
        LOG.info("Applied " + count + " schema migration(s)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
    }
  }

  private void ensureHistoryTable(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of(HISTORY, HISTORY.toUpperCase())) {
      try (ResultSet tables = meta.getTables(null, null, name, null)) {
        if (tables.next()) {
          return;
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE "
              + HISTORY
              + " (module VARCHAR(40) NOT NULL, script VARCHAR(200) NOT NULL,"
              + " applied_at BIGINT NOT NULL, PRIMARY KEY (module, script))");
    }
  }

  private Set<String> appliedScripts(Connection connection) throws SQLException {
    Set<String> applied = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT module, script FROM " + HISTORY)) {
      while (rows.next()) {
        applied.add(rows.getString(1) + "/" + rows.getString(2));
      }
    }
    return applied;
  }

  private void apply(Connection connection, String module, String script) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(readScript(script))) {
        statement.execute(sql);
      }
      try (PreparedStatement history =
          connection.prepareStatement(
              "INSERT INTO " + HISTORY + " (module, script, applied_at) VALUES (?, ?, ?)")) {
        history.setString(1, module);
        history.setString(2, script);
        history.setLong(3, System.currentTimeMillis());
        history.executeUpdate();
      }
      connection.commit();
      LOG.info(() -> "Applied migration " + module + "/" + script);
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("in " + script + ": " + e.getMessage(), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private String readScript(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Migration script not found on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a script on semicolons that end a line; "--" comment lines are dropped. */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        result.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }
}
