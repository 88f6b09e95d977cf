package bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import load.CustomerSubmission;
import load.LoadResult;
import load.LoadRunner;
import load.MailSink;
import load.Outcome;
import load.PersonalLinks;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: customer submissions end to end (GET the page, POST the form, every answer with
 * a comment, so a case) at 1, 8, 32 and 64 concurrent clients, against the Derby server ({@code
 * verbatimit}) and then the PostgreSQL server ({@code verbatimpg}) in one run ({@link BenchServer};
 * {@code -Dbenchmark.servers} picks one), next to two ceilings measured in the same run: a trivial
 * endpoint on the same server ({@code GET /api/ping}) and plain JDBC writing the same rows into an
 * on-disk Derby in this JVM and into a fresh database on the same PostgreSQL cluster. Prints
 * submissions/s, p50/p99, the ratios (PostgreSQL/Derby among them), each server's CPU per
 * submission, heap and RSS, the report lag, the databases' durability settings and the load
 * average. Run with {@code mvn -Pbench verify -Dbenchmark=SubmissionThroughputBenchmark}
 * (docs/PERFORMANCE.md).
 */
class SubmissionThroughputBenchmark {
  private static final int[] CLIENTS = {1, 8, 32, 64};
  private static final int PER_LEVEL = Integer.getInteger("benchmark.perLevel", 8_000);
  private static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 1_500);
  private static final Duration LEVEL_TIME =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 10));
  private static final Duration CEILING_TIME =
      Duration.ofSeconds(Integer.getInteger("benchmark.ceilingSeconds", 5));

  /** One server's figures. */
  private record Measured(
      BenchServer server,
      String durability,
      Map<Integer, LoadResult> pings,
      Map<Integer, LoadResult> submissions,
      Map<Integer, Double> cpuPerSubmission,
      List<String> lags,
      String heap,
      String rss,
      Map<Integer, LoadResult> jdbc) {}

  @Test
  void submissionsSideBySideWithTheirCeilings() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%nSubmission throughput benchmark: Derby database %s; servers %s%nstart: %s%n",
        System.getProperty("benchmark.database", "?"),
        BenchServer.configured(),
        ServerProcess.uptime());
    List<Measured> all = new ArrayList<>();
    for (BenchServer server : BenchServer.configured()) {
      all.add(measure(server.select()));
    }
    for (Measured m : all) {
      print(m);
    }
    if (all.size() == 2) {
      printRatios(all.get(0), all.get(1));
    }
    System.out.printf(Locale.ROOT, "%nend: %s%n", ServerProcess.uptime());
    all.forEach(m -> m.submissions().values().forEach(r -> assertThat(r.requests()).isPositive()));
  }

  private static Measured measure(BenchServer server) throws Exception {
    String durability = server.durability();
    System.out.printf(
        Locale.ROOT,
        "%n== %s: %s at %s (SMTP sink on %d)%n%s%n",
        server.label(),
        server.serverName(),
        server.baseUrl(),
        server.smtpPort(),
        durability);
    int links = WARM_UP + CLIENTS.length * PER_LEVEL;
    ConcurrentLinkedQueue<String> tokens;
    Map<Integer, LoadResult> pings = new LinkedHashMap<>();
    Map<Integer, LoadResult> submissions = new LinkedHashMap<>();
    Map<Integer, Double> cpuPerSubmission = new LinkedHashMap<>();
    List<String> lags = new ArrayList<>();
    String heap;
    String rss;
    try (MailSink sink = MailSink.start(server.smtpPort())) {
      long start = System.nanoTime();
      PersonalLinks.Prepared prepared =
          PersonalLinks.prepare(ApiClient.admin(), sink, links, Duration.ofSeconds(120));
      System.out.printf(
          Locale.ROOT,
          "prepared %,d personal links in %.1f s (%s)%n",
          links,
          (System.nanoTime() - start) / 1e9,
          ServerProcess.uptime());
      tokens = prepared.queue();

      HttpClient http = CustomerSubmission.newHttpClient();
      CustomerSubmission customer = new CustomerSubmission(http, server.baseUrl(), 1);
      Ping ping = new Ping(http, server.baseUrl());
      LoadResult warm =
          LoadRunner.run("warm-up", 8, tokens, WARM_UP, Duration.ofSeconds(120), customer::submit);
      System.out.println(warm.summary());
      LoadRunner.run("warm-up ping", 8, endless(), 20_000, Duration.ofSeconds(5), t -> ping.get());

      ApiClient reader = ApiClient.admin();
      for (int clients : CLIENTS) {
        pings.put(
            clients,
            LoadRunner.run(
                "GET /api/ping", clients, endless(), 1_000_000, CEILING_TIME, t -> ping.get()));
        System.out.println(pings.get(clients).summary());
        long cpuBefore = ServerProcess.cpuMillis(server.serverName());
        ReportLagSampler lag = new ReportLagSampler(reader);
        submissions.put(
            clients,
            LoadRunner.run(
                "submission (page + form)",
                clients,
                tokens,
                PER_LEVEL,
                LEVEL_TIME,
                customer::submit));
        // the reports' own work counts too: the CPU is read once they have caught up
        lags.add(lag.finish(server.label() + ", " + clients + " clients"));
        cpuPerSubmission.put(
            clients,
            (ServerProcess.cpuMillis(server.serverName()) - cpuBefore)
                / (double) Math.max(1, submissions.get(clients).acknowledgedTokens().size()));
        System.out.println(submissions.get(clients).summary());
        System.out.println(lags.get(lags.size() - 1));
      }
      heap = ServerProcess.heap(server.serverName());
      rss = ServerProcess.rss(server.serverName());
    }
    return new Measured(
        server,
        durability,
        pings,
        submissions,
        cpuPerSubmission,
        lags,
        heap,
        rss,
        jdbcCeiling(server));
  }

  /** Plain JDBC on the server's kind of database; empty when it cannot be reached. */
  private static Map<Integer, LoadResult> jdbcCeiling(BenchServer server) throws Exception {
    Map<Integer, LoadResult> jdbc = new LinkedHashMap<>();
    JdbcSubmissionCeiling ceiling;
    if (server.postgresql()) {
      java.util.Optional<java.util.Properties> pg = BenchServer.pgProperties();
      if (pg.isEmpty()) {
        System.out.println("plain JDBC on PostgreSQL: skipped, no verbatim.pgProperties file");
        return jdbc;
      }
      ceiling = JdbcSubmissionCeiling.postgresql(pg.get(), "ceiling_" + System.currentTimeMillis());
    } else {
      Path directory =
          Path.of(System.getProperty("benchmark.jdbcDir", "target/bench-jdbc"))
              .resolve("ceiling-" + System.currentTimeMillis())
              .toAbsolutePath();
      ceiling = JdbcSubmissionCeiling.derby(directory.toString());
    }
    try (ceiling) {
      ceiling.prepare(CLIENTS.length * PER_LEVEL + 500);
      ConcurrentLinkedQueue<String> hashes = new ConcurrentLinkedQueue<>(ceiling.tokenHashes());
      System.out.println(
          server.label()
              + " "
              + ceiling.run(4, hashes, 500, Duration.ofSeconds(30)).summary()
              + " (warm-up)");
      for (int clients : CLIENTS) {
        jdbc.put(clients, ceiling.run(clients, hashes, PER_LEVEL, LEVEL_TIME));
        System.out.println(server.label() + " " + jdbc.get(clients).summary());
      }
    }
    return jdbc;
  }

  private static void print(Measured m) {
    System.out.printf(
        Locale.ROOT,
        "%n%s (%s, %s)%n%s%n"
            + "| clients | submissions/s | p50 ms | p99 ms | not acknowledged | ping req/s |"
            + " plain JDBC submissions/s | ratio to ping | ratio to JDBC | server CPU ms per"
            + " submission |%n"
            + "|---|---|---|---|---|---|---|---|---|---|%n",
        m.server().label(),
        m.server().serverName(),
        m.server().baseUrl(),
        m.durability());
    for (int clients : CLIENTS) {
      LoadResult s = m.submissions().get(clients);
      LoadResult p = m.pings().get(clients);
      LoadResult j = m.jdbc().get(clients);
      System.out.printf(
          Locale.ROOT,
          "| %d | %,.0f | %.1f | %.1f | %s | %,.0f | %s | %.2f | %s | %.1f |%n",
          clients,
          s.acknowledgedPerSecond(),
          s.percentileMillis(50),
          s.percentileMillis(99),
          s.failuresByStatus().isEmpty() ? "0" : s.failuresByStatus().toString(),
          p.acknowledgedPerSecond(),
          j == null
              ? "-"
              : String.format(
                  Locale.ROOT,
                  "%,.0f (p99 %.1f ms)",
                  j.acknowledgedPerSecond(),
                  j.percentileMillis(99)),
          s.acknowledgedPerSecond() / p.acknowledgedPerSecond(),
          j == null
              ? "-"
              : String.format(
                  Locale.ROOT, "%.2f", s.acknowledgedPerSecond() / j.acknowledgedPerSecond()),
          m.cpuPerSubmission().get(clients));
    }
    System.out.println();
    m.lags().forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "%n%s server after the HTTP runs: %s%nRSS: %s%n",
        m.server().label(),
        m.heap(),
        m.rss());
  }

  private static void printRatios(Measured derby, Measured pg) {
    System.out.printf(
        Locale.ROOT,
        "%nPostgreSQL / Derby, measured one after the other in this run%n"
            + "| clients | Derby submissions/s | Derby p50 / p99 ms | PostgreSQL submissions/s |"
            + " PostgreSQL p50 / p99 ms | ratio PostgreSQL/Derby | server CPU ms per submission"
            + " Derby / PostgreSQL | plain JDBC Derby / PostgreSQL per s |%n"
            + "|---|---|---|---|---|---|---|---|%n");
    for (int clients : CLIENTS) {
      LoadResult d = derby.submissions().get(clients);
      LoadResult p = pg.submissions().get(clients);
      LoadResult dj = derby.jdbc().get(clients);
      LoadResult pj = pg.jdbc().get(clients);
      System.out.printf(
          Locale.ROOT,
          "| %d | %,.0f | %.1f / %.1f | %,.0f | %.1f / %.1f | %.2f | %.1f / %.1f | %s / %s |%n",
          clients,
          d.acknowledgedPerSecond(),
          d.percentileMillis(50),
          d.percentileMillis(99),
          p.acknowledgedPerSecond(),
          p.percentileMillis(50),
          p.percentileMillis(99),
          p.acknowledgedPerSecond() / d.acknowledgedPerSecond(),
          derby.cpuPerSubmission().get(clients),
          pg.cpuPerSubmission().get(clients),
          dj == null ? "-" : String.format(Locale.ROOT, "%,.0f", dj.acknowledgedPerSecond()),
          pj == null ? "-" : String.format(Locale.ROOT, "%,.0f", pj.acknowledgedPerSecond()));
    }
  }

  /** Tokens for requests that need none: the same string, forever. */
  private static ConcurrentLinkedQueue<String> endless() {
    return new ConcurrentLinkedQueue<>(List.of()) {
      @Override
      public String poll() {
        return "-";
      }
    };
  }

  /** {@code GET /api/ping}, the trivial endpoint. */
  private record Ping(HttpClient http, String baseUrl) {
    Outcome get() {
      long start = System.nanoTime();
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/ping"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        return new Outcome(answer.statusCode(), System.nanoTime() - start);
      } catch (java.io.IOException e) {
        return new Outcome(Outcome.IO_ERROR, System.nanoTime() - start);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(Outcome.IO_ERROR, System.nanoTime() - start);
      }
    }
  }
}
