package dev.verbatim.app.migration;

import dev.verbatim.followup.internal.infrastructure.FollowupMigrations;
import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import dev.verbatim.platform.internal.infrastructure.PlatformMigrations;
import dev.verbatim.reporting.internal.infrastructure.ReportingMigrations;
import dev.verbatim.survey.internal.infrastructure.SurveyMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** What the migration tests look at: the modules, the tables their scripts create, histories. */
public final class Schemas {
  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?im)^\\s*CREATE\\s+TABLE\\s+(\\w+)");
  private static final Pattern DROP_TABLE = Pattern.compile("(?im)^\\s*DROP\\s+TABLE\\s+(\\w+)");

  private Schemas() {}

  /** The four modules, in the order the application runs them. */
  public static List<MigrationSource> modules() {
    return List.of(
        new PlatformMigrations(),
        new SurveyMigrations(),
        new FollowupMigrations(),
        new ReportingMigrations());
  }

  public static int scriptCount() {
    return modules().stream().mapToInt(m -> m.scripts().size()).sum();
  }

  /**
   * Every table the scripts leave behind (created and not dropped later), in lower case: read from
   * the scripts themselves, so a new script's tables are checked without editing a test.
   */
  public static TreeSet<String> tablesTheScriptsCreate() {
    TreeSet<String> tables = new TreeSet<>();
    for (MigrationSource module : modules()) {
      for (String script : module.scripts()) {
        String sql = read(script).replaceAll("(?m)--.*$", "");
        Matcher created = CREATE_TABLE.matcher(sql);
        while (created.find()) {
          tables.add(created.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher dropped = DROP_TABLE.matcher(sql);
        while (dropped.find()) {
          tables.remove(dropped.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return tables;
  }

  /** Table names of the connection's current schema, in lower case. */
  public static TreeSet<String> tables(DataSource db) throws SQLException {
    TreeSet<String> names = new TreeSet<>();
    try (Connection c = db.getConnection();
        ResultSet rows =
            c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** One row of a module's Flyway history. */
  public record HistoryRow(String version, String type, String script, boolean success) {}

  public static List<HistoryRow> history(DataSource db, String module) throws SQLException {
    List<HistoryRow> rows = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT \"version\", \"type\", \"script\", \"success\" FROM \""
                    + ModuleMigrator.historyTable(module)
                    + "\" ORDER BY \"installed_rank\"")) {
      while (r.next()) {
        rows.add(new HistoryRow(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4)));
      }
    }
    return rows;
  }

  /** The scripts a module's Flyway history records as applied (SQL migrations that succeeded). */
  public static List<String> appliedScripts(DataSource db, String module) throws SQLException {
    return history(db, module).stream()
        .filter(r -> r.type().equals("SQL") && r.success())
        .map(HistoryRow::script)
        .toList();
  }

  static String read(String resource) {
    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
