package dev.verbatim.app.migration;

import dev.verbatim.platform.api.MigrationSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: the migrator the application had before Flyway (SchemaMigrator, removed), to build
 * a database exactly as that code left it: the history table {@code plt_schema_history} with its
 * old DDL, each script split at line-ending semicolons ({@code --} lines dropped) and applied in
 * one transaction together with its history row.
 */
public final class HandWrittenMigrator {
  private HandWrittenMigrator() {}

  public static void createHistory(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE plt_schema_history (module VARCHAR(40) NOT NULL, script VARCHAR(200) NOT"
              + " NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, script))");
    }
  }

  /** Applies the module's scripts in list order, as the old migrator did, with history rows. */
  public static void apply(Connection connection, MigrationSource source, List<String> scripts)
      throws SQLException {
    for (String script : scripts) {
      apply(connection, source.module(), script);
    }
  }

  private static void apply(Connection connection, String module, String script)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(read(script))) {
        statement.execute(sql);
      }
      try (PreparedStatement history =
          connection.prepareStatement(
              "INSERT INTO plt_schema_history (module, script, applied_at) VALUES (?, ?, ?)")) {
        history.setString(1, module);
        history.setString(2, script);
        history.setLong(3, System.currentTimeMillis());
        history.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw new SQLException("in " + script + ": " + e.getMessage(), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static String read(String resource) {
    try (InputStream in =
        HandWrittenMigrator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("not on the class path: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The old splitter: semicolons that end a line end a statement; "--" comment lines dropped. */
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
