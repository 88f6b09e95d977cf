package bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One server a benchmark measures: {@code verbatimit} on the on-disk Derby, {@code verbatimpg} on
 * the throwaway PostgreSQL of src/it/postgresql.sh. Failsafe passes both (liberty-config/pom.xml,
 * profile bench); {@code -Dbenchmark.servers=derby} or {@code =postgresql} measures one.
 */
record BenchServer(String label, String serverName, String baseUrl, int smtpPort) {

  /** The servers to measure, Derby first, from {@code benchmark.derbyUrl} and so on. */
  static List<BenchServer> configured() {
    String wanted = System.getProperty("benchmark.servers", "derby,postgresql");
    List<BenchServer> servers = new ArrayList<>();
    if (wanted.contains("derby")) {
      servers.add(
          new BenchServer(
              "Derby",
              "verbatimit",
              System.getProperty(
                  "benchmark.derbyUrl",
                  System.getProperty("verbatim.baseUrl", "http://localhost:9180")),
              Integer.getInteger(
                  "benchmark.derbySmtpPort", Integer.getInteger("verbatim.smtpPort", 3025))));
    }
    if (wanted.contains("postgresql")) {
      servers.add(
          new BenchServer(
              "PostgreSQL",
              "verbatimpg",
              System.getProperty("benchmark.pgUrl", "http://localhost:9280"),
              Integer.getInteger("benchmark.pgSmtpPort", 3225)));
    }
    return servers;
  }

  /**
   * Points the shared test support (ApiClient, ItEnvironment) at this server. They read {@code
   * verbatim.baseUrl} and {@code verbatim.smtpPort} on every call, and the benchmarks measure one
   * server after the other, never both at once.
   */
  BenchServer select() {
    System.setProperty("verbatim.baseUrl", baseUrl);
    System.setProperty("verbatim.smtpPort", Integer.toString(smtpPort));
    return this;
  }

  boolean postgresql() {
    return serverName.equals("verbatimpg");
  }

  /** The throwaway PostgreSQL's url, user and password (src/it/postgresql.sh), when present. */
  static Optional<Properties> pgProperties() {
    Path file =
        Path.of(System.getProperty("verbatim.pgProperties", "target/postgresql/pg.properties"));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties pg = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      pg.load(in);
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(pg);
  }

  /**
   * How durable the server's commits are: PostgreSQL's fsync, synchronous_commit, full_page_writes
   * and wal_sync_method as the cluster reports them; for Derby, whether the server's JVM sets
   * derby.system.durability (unset: every commit forces the log to disk).
   */
  String durability() {
    if (postgresql()) {
      return pgProperties()
          .map(
              pg -> {
                try (Connection db =
                        DriverManager.getConnection(
                            pg.getProperty("url"),
                            pg.getProperty("user"),
                            pg.getProperty("password", ""));
                    Statement s = db.createStatement()) {
                  StringBuilder line = new StringBuilder();
                  for (String setting :
                      List.of(
                          "server_version",
                          "fsync",
                          "synchronous_commit",
                          "full_page_writes",
                          "wal_sync_method",
                          "max_connections")) {
                    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                      rs.next();
                      line.append(line.length() == 0 ? "" : ", ")
                          .append(setting)
                          .append('=')
                          .append(rs.getString(1));
                    }
                  }
                  return "PostgreSQL " + line;
                } catch (SQLException e) {
                  return "PostgreSQL settings unknown (" + e.getMessage() + ")";
                }
              })
          .orElse("PostgreSQL settings unknown (no pg.properties)");
    }
    String arguments =
        ServerProcess.pid(serverName)
            .flatMap(ProcessHandle::of)
            .flatMap(p -> p.info().arguments())
            .map(a -> String.join(" ", a))
            .orElse("");
    return arguments.contains("derby.system.durability")
        ? "Derby with derby.system.durability set: NOT durable"
        : "Derby, derby.system.durability unset (every commit forces the log to disk)";
  }
}
