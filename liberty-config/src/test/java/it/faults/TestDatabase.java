package it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Where a server under test keeps its data: an on-disk Derby directory of its own, or a database on
 * the throwaway PostgreSQL of the build (src/it/postgresql.sh; failsafe names its pg.properties in
 * {@code verbatim.pgProperties}). Gives the server.env lines that choose it and a JDBC connection
 * for the checks.
 */
public sealed interface TestDatabase {

  /** The VERBATIM_DB_* lines of the server's environment. */
  List<String> environment();

  /** A connection from the test JVM (for Derby only once every server on it has stopped). */
  Connection connect() throws SQLException;

  /** What a log line calls this database. */
  String describe();

  /** Embedded Derby in its own directory. */
  record Derby(Path directory) implements TestDatabase {
    @Override
    public List<String> environment() {
      return List.of("VERBATIM_DB_NAME=" + directory);
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:derby:" + directory.toAbsolutePath());
    }

    @Override
    public String describe() {
      return "Derby " + directory.getFileName();
    }
  }

  /** A PostgreSQL database; servers and the test may use it at the same time. */
  record PostgreSql(String url, String user, String password) implements TestDatabase {
    @Override
    public List<String> environment() {
      return List.of(
          "VERBATIM_DB_URL=" + url, "VERBATIM_DB_USER=" + user, "VERBATIM_DB_PASSWORD=" + password);
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public String describe() {
      return "PostgreSQL " + url.substring(url.lastIndexOf('/') + 1);
    }
  }

  /** A new Derby directory under target/fault-db, named after the test. */
  static Derby freshDerby(String testName) {
    Path wlp = Path.of(System.getProperty("fault.wlpDir", "target/liberty/wlp")).toAbsolutePath();
    return new Derby(
        wlp.getParent()
            .getParent()
            .resolve("fault-db")
            .resolve(testName + "-" + System.currentTimeMillis()));
  }

  /**
   * A new, empty PostgreSQL database named after the test ({@code CREATE DATABASE} on the cluster's
   * {@code postgres} database), so each test class starts from nothing.
   */
  static PostgreSql freshPostgreSql(String testName) {
    PostgreSql cluster = postgreSql(null);
    String name =
        (testName.replaceAll("[^A-Za-z0-9]", "_") + "_" + System.currentTimeMillis())
            .toLowerCase(Locale.ROOT);
    PostgreSql admin = postgreSql("postgres");
    try (Connection connection = admin.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + name, e);
    }
    return new PostgreSql(
        cluster.url().substring(0, cluster.url().lastIndexOf('/') + 1) + name,
        cluster.user(),
        cluster.password());
  }

  /**
   * A database of the build's PostgreSQL: {@code database}, or the one pg.properties names when
   * null.
   */
  static PostgreSql postgreSql(String database) {
    Path file =
        Path.of(System.getProperty("verbatim.pgProperties", "target/postgresql/pg.properties"));
    Properties pg = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      pg.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no PostgreSQL at " + file + ": run through `mvn verify` (src/it/postgresql.sh)", e);
    }
    String url =
        database == null
            ? pg.getProperty("url")
            : "jdbc:postgresql://"
                + pg.getProperty("host")
                + ":"
                + pg.getProperty("port")
                + "/"
                + database;
    return new PostgreSql(url, pg.getProperty("user"), pg.getProperty("password"));
  }
}
