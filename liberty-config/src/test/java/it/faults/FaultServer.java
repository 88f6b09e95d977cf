package it.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server that tests may crash: by default "verbatimfault", created by
 * liberty-maven-plugin (liberty-config/pom.xml, execution create-fault-server) from the production
 * server.xml; the scale-out tests use "verbatimtwo1" and "verbatimtwo2" the same way. Each has a
 * name, an HTTP port, SMTP to a counting sink in the test JVM, fast outbox polling and a {@link
 * TestDatabase} (an on-disk Derby under target/ or a PostgreSQL database, which several servers may
 * share). Started, killed with SIGKILL and restarted from here; it only ever touches its own server
 * and the one JVM whose pid file and command line name that server.
 */
public final class FaultServer implements AutoCloseable {
  static final String NAME = "verbatimfault";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final Path wlp;
  private final Path serverDir;
  private final int httpPort;
  private final int smtpPort;
  private final TestDatabase database;
  private final List<String> extraEnvironment = new ArrayList<>();
  private String publicBaseUrl;
  private int starts;

  private FaultServer(String name, Path wlp, int httpPort, int smtpPort, TestDatabase database) {
    this.name = name;
    this.wlp = wlp;
    this.serverDir = wlp.resolve("usr/servers/" + name);
    this.httpPort = httpPort;
    this.smtpPort = smtpPort;
    this.database = database;
    this.publicBaseUrl = "http://localhost:" + httpPort;
  }

  /**
   * The server "verbatimfault" with a fresh Derby database named after the test, configured as
   * failsafe says (properties fault.wlpDir, fault.httpPort, fault.smtpPort, fault.war).
   */
  static FaultServer fresh(String testName) {
    return fresh(testName, TestDatabase.freshDerby(testName));
  }

  /** The server "verbatimfault" on the given database. */
  static FaultServer fresh(String testName, TestDatabase database) {
    return named(
        NAME,
        Integer.getInteger("fault.httpPort", 9382),
        Integer.getInteger("fault.smtpPort", 3625),
        database);
  }

  /**
   * The server {@code name} (created under fault.wlpDir by the build), on {@code httpPort}, sending
   * mail to {@code smtpPort}, keeping its data in {@code database}.
   */
  public static FaultServer named(String name, int httpPort, int smtpPort, TestDatabase database) {
    Path wlp = Path.of(System.getProperty("fault.wlpDir", "target/liberty/wlp")).toAbsolutePath();
    return new FaultServer(name, wlp, httpPort, smtpPort, database);
  }

  /** Adds a {@code NAME=value} line to the server's environment, after the defaults below. */
  public FaultServer withEnvironment(String line) {
    extraEnvironment.add(line);
    return this;
  }

  /** The address people reach the server at (links in mails), e.g. a proxy in front of it. */
  public FaultServer withPublicBaseUrl(String url) {
    publicBaseUrl = url;
    return this;
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public int smtpPort() {
    return smtpPort;
  }

  /** Where the server keeps its data; Derby is readable from the test once the server stopped. */
  public TestDatabase database() {
    return database;
  }

  /** The current messages.log (each start begins a new one). */
  public String messages() {
    Path log = serverDir.resolve("logs/messages.log");
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + log, e);
    }
  }

  public Path messagesLog() {
    return serverDir.resolve("logs/messages.log");
  }

  /** Starts the server and waits until the application answers {@code /health/ready}. */
  public void start() {
    if (!Files.isDirectory(serverDir)) {
      throw new IllegalStateException(
          serverDir + " does not exist: run through `mvn verify` (create-fault-server)");
    }
    try {
      if (starts == 0) {
        stop(); // left over from an aborted run
        // The transaction log belongs to the previous test's database.
        deleteTree(serverDir.resolve("tranlog"));
        writeConfiguration();
      }
      Path logs = serverDir.resolve("logs");
      if (Files.isDirectory(logs)) {
        // Keep each run's log for the post-mortem; a fresh messages.log makes the wait below exact.
        Files.move(logs, serverDir.resolve("logs-until-" + System.currentTimeMillis()));
      }
      starts++;
      run(List.of(wlp.resolve("bin/server").toString(), "start", name));
      awaitApplication();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
  }

  /** kill -9 of the server's JVM: no shutdown hook, no orderly close of Derby or of connections. */
  public void kill9() {
    ProcessHandle jvm =
        jvm().orElseThrow(() -> new IllegalStateException(name + " is not running"));
    jvm.destroyForcibly();
    try {
      jvm.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the JVM of " + name + " did not die", e);
    }
  }

  /** An orderly stop (the database is closed and can then be opened from the test). */
  public void stop() {
    if (jvm().isEmpty()) {
      return;
    }
    run(List.of(wlp.resolve("bin/server").toString(), "stop", name));
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * The server's JVM, from the pid file Liberty writes, and only if that process's command line
   * names this server (a stale pid may by now belong to something else).
   */
  public Optional<ProcessHandle> jvm() {
    Path pidFile = wlp.resolve("usr/servers/.pid/" + name + ".pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(name)).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void writeConfiguration() throws IOException {
    if (database instanceof TestDatabase.Derby derby) {
      Files.createDirectories(derby.directory().getParent());
    }
    String env =
        String.join(
            "\n",
            "VERBATIM_HTTP_PORT=" + httpPort,
            "VERBATIM_PUBLIC_BASE_URL=" + publicBaseUrl,
            String.join("\n", database.environment()),
            "VERBATIM_SMTP_HOST=127.0.0.1",
            "VERBATIM_SMTP_PORT=" + smtpPort,
            "VERBATIM_ADMIN_PASSWORD=" + System.getProperty("verbatim.adminPassword"),
            "VERBATIM_OUTBOX_POLL_MILLIS=200",
            "VERBATIM_OUTBOX_RETRY_BASE_SECONDS=1",
            // A crashed server's claimed batch is sent again after this; 30 s keeps the test short
            // and is still far longer than one batch (and the batch claimed ahead) takes to send.
            "VERBATIM_OUTBOX_LEASE_SECONDS=30",
            "VERBATIM_OUTBOX_CONNECTIONS=" + NothingLostUnderLoad.OUTBOX_CONNECTIONS,
            "VERBATIM_METRICS_AUTHENTICATION=false",
            String.join("\n", extraEnvironment));
    Files.writeString(serverDir.resolve("server.env"), env.strip() + "\n", StandardCharsets.UTF_8);
    Path apps = Files.createDirectories(serverDir.resolve("apps"));
    Files.copy(
        Path.of(System.getProperty("fault.war", "target/verbatim.war")),
        apps.resolve("verbatim.war"),
        StandardCopyOption.REPLACE_EXISTING);
    Path overrides = Files.createDirectories(serverDir.resolve("configDropins/overrides"));
    Files.writeString(
        overrides.resolve("fault-application.xml"),
        "<server><webApplication id=\"verbatim\" location=\"verbatim.war\" name=\"verbatim\""
            + " contextRoot=\"/\"/></server>\n");
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private void awaitApplication() throws IOException {
    Path log = serverDir.resolve("logs/messages.log");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String messages = Files.exists(log) ? Files.readString(log) : "";
      if (messages.contains("CWWKZ0002E") || messages.contains("CWWKZ0004E")) {
        throw new IllegalStateException(name + " could not start the application; see " + log);
      }
      if (messages.contains("CWWKZ0001I") && ready(http)) {
        return;
      }
      sleep(500);
    }
    throw new IllegalStateException(
        name + " did not start within " + START_TIMEOUT + "; see " + log);
  }

  private boolean ready(HttpClient http) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.body().replace(" ", "").contains("\"state\":\"failed\"")) {
        throw new IllegalStateException(
            name
                + ": start-up failed (/health/ready "
                + response.body()
                + "); see "
                + messagesLog());
      }
      // Health answers UP with no checks while the application is still starting.
      return response.statusCode() == 200 && response.body().contains("\"outbox\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
