package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Brings every module's schema up to date with Flyway: one run per {@link MigrationSource}, in
 * {@link MigrationSource#order()} order, each with its own history table ({@link
 * #historyTable(String)}), so the modules' version numbers never meet. Usable without CDI (tests,
 * benchmarks); {@code startup.ApplicationStartup} runs it when the application starts.
 *
 * <p>On PostgreSQL the whole run holds the session advisory lock {@link #LOCK_KEY} on a connection
 * of its own, so servers that start together on an empty database migrate one after the other (the
 * later ones find nothing to do). Embedded Derby has only one server, so no lock there.
 *
 * <p>A database made by the hand-written migrator before Flyway has its history in {@code
 * plt_schema_history(module, script, applied_at)} and no Flyway table: a module whose scripts are
 * listed there is baselined at the highest version listed (after checking that every script below
 * it is listed too), then migrated from there. {@code plt_schema_history} stays as it is; nothing
 * reads it once a module has its Flyway history.
 */
public final class ModuleMigrator {

  /** The PostgreSQL advisory lock (session level) held around a whole run: "VERBATM" in ASCII. */
  public static final long LOCK_KEY = 0x5645524241544DL;

  /** The hand-written migrator's history table (module, script, applied_at), read for upgrades. */
  static final String LEGACY_HISTORY = "plt_schema_history";

  private static final Logger LOG = Logger.getLogger(ModuleMigrator.class.getName());

  /**
   * Flyway's constructor looks for Java callbacks in {@code classpath:db/callback} whatever the
   * configuration says; inside Liberty the missing location is logged as an error ("Unable to
   * resolve location"), by the scanner or by FlywayExecutor, twice per module and run. We use no
   * callbacks and no scanning: the scanner's log is switched off and that one message dropped from
   * the executor's (the references keep the loggers, and their settings, alive).
   */
  private static final List<Logger> FLYWAY_NOISE = quiet();

  private static List<Logger> quiet() {
    Logger scanner =
        Logger.getLogger("org.flywaydb.core.internal.scanner.classpath.ClassPathScanner");
    scanner.setLevel(Level.OFF);
    Logger executor = Logger.getLogger("org.flywaydb.core.FlywayExecutor");
    executor.setFilter(
        record ->
            record.getMessage() == null
                || !record
                    .getMessage()
                    .contains("Unable to resolve location classpath:db/callback"));
    return List.of(scanner, executor);
  }

  private static final Pattern VERSION = Pattern.compile("^V(.+?)__.+");
  private static final Pattern SECRET = Pattern.compile("(?i)(password=)[^&;]*");

  private final DataSource dataSource;
  private final List<MigrationSource> sources;
  private final ClassLoader loader;

  /** Migrates with the scripts found through the thread's context class loader. */
  public ModuleMigrator(DataSource dataSource, List<? extends MigrationSource> sources) {
    this(dataSource, sources, contextClassLoader());
  }

  public ModuleMigrator(
      DataSource dataSource, List<? extends MigrationSource> sources, ClassLoader loader) {
    this.dataSource = dataSource;
    List<MigrationSource> ordered = new ArrayList<>(sources);
    ordered.sort(Comparator.comparingInt(MigrationSource::order));
    this.sources = List.copyOf(ordered);
    this.loader = loader;
  }

  /** The Flyway history table of a module, e.g. {@code flyway_history_survey}. */
  public static String historyTable(String module) {
    return "flyway_history_" + module;
  }

  /** What one module's run did: the version it was baselined at (null if none) and how many ran. */
  public record ModuleOutcome(String module, String baselinedAt, int applied) {}

  /** What a whole run did, and on which database (product, version, URL and user, no password). */
  public record Outcome(String database, List<ModuleOutcome> modules) {
    public int applied() {
      return modules.stream().mapToInt(ModuleOutcome::applied).sum();
    }

    public int appliedBy(String module) {
      return modules.stream()
          .filter(m -> m.module().equals(module))
          .mapToInt(ModuleOutcome::applied)
          .sum();
    }
  }

  /**
   * Applies every pending script of every module.
   *
   * @throws IllegalStateException naming the module (and the script, when one failed) if anything
   *     goes wrong; whatever ran before stays applied and recorded
   */
  public Outcome migrate() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String database = describe(meta);
      String vendor = vendorOf(meta.getDatabaseProductName());
      boolean lock = vendor.equals("postgresql");
      if (lock) {
        advisory(connection, "pg_advisory_lock");
      }
      try {
        Map<String, Set<String>> legacy = legacyHistory(connection);
        List<ModuleOutcome> outcomes = new ArrayList<>();
        for (MigrationSource source : sources) {
          boolean hasHistory = hasRows(connection, historyTable(source.module()));
          outcomes.add(
              migrate(source, vendor, hasHistory, legacy.getOrDefault(source.module(), Set.of())));
        }
        return new Outcome(database, List.copyOf(outcomes));
      } finally {
        if (lock) {
          unlock(connection);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
    }
  }

  private ModuleOutcome migrate(
      MigrationSource source, String vendor, boolean hasHistory, Set<String> legacyScripts) {
    String module = source.module();
    ScriptResources resources;
    try {
      resources = new ScriptResources(source, vendor, loader);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Schema migration of module " + module + " failed: " + e.getMessage(), e);
    }
    try {
      Flyway flyway = configure(module, resources).load();
      String baselinedAt = null;
      if (!hasHistory) {
        if (legacyScripts.isEmpty()) {
          // A module new to this database; other modules' tables may already be there, which
          // Flyway calls a non-empty schema: a baseline at 0 lets it apply everything from V1.
          flyway =
              configure(module, resources)
                  .baselineOnMigrate(true)
                  .baselineVersion("0")
                  .baselineDescription("before the first migration")
                  .load();
        } else {
          MigrationVersion highest = checkedLegacyVersion(source, legacyScripts);
          flyway =
              configure(module, resources)
                  .baselineVersion(highest)
                  .baselineDescription("applied before Flyway (" + LEGACY_HISTORY + ")")
                  .load();
          flyway.baseline();
          baselinedAt = highest.getVersion();
        }
      }
      MigrateResult result = flyway.migrate();
      if (!result.success) {
        throw new IllegalStateException(
            "Schema migration of module " + module + " failed: " + result.warnings);
      }
      return new ModuleOutcome(module, baselinedAt, result.migrationsExecuted);
    } catch (FlywayException e) {
      throw new IllegalStateException(failure(source, resources, e), e);
    }
  }

  private FluentConfiguration configure(String module, ScriptResources resources) {
    return Flyway.configure(loader)
        .dataSource(dataSource)
        .table(historyTable(module))
        .resourceProvider(resources)
        .javaMigrationClassProvider(List::of)
        .skipDefaultCallbacks(true)
        .callbackLocations(new Location[0])
        .validateMigrationNaming(true);
  }

  private static String failure(
      MigrationSource source, ScriptResources resources, FlywayException e) {
    String script = null;
    if (e instanceof FlywayMigrateException migrate && migrate.getMigration() != null) {
      script = migrate.getMigration().getScript();
    }
    if (script == null && e.getMessage() != null) {
      for (String listed : source.scripts()) {
        String file = listed.substring(listed.lastIndexOf('/') + 1);
        if (e.getMessage().contains(file)) {
          script = resources.chosenFor(listed);
          break;
        }
      }
    }
    return "Schema migration of module "
        + source.module()
        + " failed"
        + (script == null ? "" : " in " + script)
        + ": "
        + e.getMessage();
  }

  /**
   * The highest version the old history lists for the module, after checking that every script of
   * the module up to that version is listed as applied.
   */
  private static MigrationVersion checkedLegacyVersion(
      MigrationSource source, Set<String> applied) {
    MigrationVersion highest = null;
    String highestScript = null;
    for (String script : applied) {
      MigrationVersion version = versionOf(script);
      if (highest == null || version.compareTo(highest) > 0) {
        highest = version;
        highestScript = script;
      }
    }
    List<String> missing = new ArrayList<>();
    for (String script : source.scripts()) {
      if (versionOf(script).compareTo(highest) <= 0 && !applied.contains(script)) {
        missing.add(script);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Schema migration of module "
              + source.module()
              + " failed: "
              + LEGACY_HISTORY
              + " records "
              + highestScript
              + " but not "
              + String.join(", ", missing)
              + "; apply the missing script by hand (and record it there) before upgrading");
    }
    return highest;
  }

  /** The version in a script's file name: {@code db/platform/V5__secret_keys.sql} gives 5. */
  static MigrationVersion versionOf(String script) {
    String file = script.substring(script.lastIndexOf('/') + 1);
    Matcher m = VERSION.matcher(file);
    if (!m.matches()) {
      throw new IllegalStateException(
          "Migration script name is not V<version>__<description>.sql: " + script);
    }
    return MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
  }

  /** Module to scripts recorded by the hand-written migrator; empty if it never ran here. */
  private static Map<String, Set<String>> legacyHistory(Connection connection) throws SQLException {
    Map<String, Set<String>> result = new HashMap<>();
    if (storedName(connection, LEGACY_HISTORY) == null) {
      return result;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT module, script FROM " + LEGACY_HISTORY)) {
      while (rows.next()) {
        result
            .computeIfAbsent(rows.getString(1), m -> new LinkedHashSet<>())
            .add(rows.getString(2));
      }
    }
    return result;
  }

  /** Whether the table exists in the current schema and has at least one row. */
  private static boolean hasRows(Connection connection, String table) throws SQLException {
    String stored = storedName(connection, table);
    if (stored == null) {
      return false;
    }
    String quote = connection.getMetaData().getIdentifierQuoteString().strip();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + quote + stored + quote)) {
      return rows.next() && rows.getLong(1) > 0;
    }
  }

  /** The name of the table as the database stores it (as written or upper case), or null. */
  private static String storedName(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    for (String name : new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT)))) {
      try (ResultSet tables = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return tables.getString("TABLE_NAME");
        }
      }
    }
    return null;
  }

  private static void advisory(Connection connection, String function) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
      statement.setLong(1, LOCK_KEY);
      statement.execute();
    }
  }

  /**
   * Releases the advisory lock: the connection may go back to a pool still open, and a session lock
   * lives as long as the physical connection. A failure here must not hide the run's own outcome.
   */
  private static void unlock(Connection connection) {
    try {
      advisory(connection, "pg_advisory_unlock");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not release the schema migration lock " + LOCK_KEY, e);
    }
  }

  /** {@code postgresql}, {@code derby}, or the product name's first word in lower case. */
  static String vendorOf(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return "postgresql";
    }
    if (name.contains("derby")) {
      return "derby";
    }
    return name.split("\\s+")[0];
  }

  private static String describe(DatabaseMetaData meta) throws SQLException {
    // PostgreSQL's driver lists every connection property after '?': the address is enough
    String url =
        meta.getURL() == null
            ? "?"
            : SECRET.matcher(meta.getURL().replaceFirst("\\?.*$", "")).replaceAll("$1***");
    return meta.getDatabaseProductName()
        + " "
        + meta.getDatabaseProductVersion()
        + " at "
        + url
        + " (user "
        + meta.getUserName()
        + ")";
  }

  private static ClassLoader contextClassLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : ModuleMigrator.class.getClassLoader();
  }
}
