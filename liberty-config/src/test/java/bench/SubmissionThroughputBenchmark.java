package bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ItEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * a comment, so a case) at 1, 8, 32 and 64 concurrent clients, next to two ceilings measured in the
 * same run: a trivial endpoint on the same server ({@code GET /api/ping}) and plain JDBC writing
 * the same rows into an on-disk Derby in this JVM. Prints submissions/s, p50/p99, the ratios, the
 * server's heap and RSS, and the load average. Run with {@code mvn -Pbench verify
 * -Dbenchmark=SubmissionThroughputBenchmark} (docs/PERFORMANCE.md).
 */
class SubmissionThroughputBenchmark {
  private static final int[] CLIENTS = {1, 8, 32, 64};
  private static final int PER_LEVEL = Integer.getInteger("benchmark.perLevel", 8_000);
  private static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 1_500);
  private static final Duration LEVEL_TIME =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 10));
  private static final Duration CEILING_TIME =
      Duration.ofSeconds(Integer.getInteger("benchmark.ceilingSeconds", 5));

  @Test
  void submissionsSideBySideWithTheirCeilings() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%nSubmission throughput benchmark: server database %s%nstart: %s%n",
        System.getProperty("benchmark.database", "?"),
        ServerProcess.uptime());
    int links = WARM_UP + CLIENTS.length * PER_LEVEL;
    ConcurrentLinkedQueue<String> tokens;
    try (MailSink sink = MailSink.start(ItEnvironment.smtpPort())) {
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
      CustomerSubmission customer = new CustomerSubmission(http, ItEnvironment.baseUrl(), 1);
      Ping ping = new Ping(http, ItEnvironment.baseUrl());
      LoadResult warm =
          LoadRunner.run("warm-up", 8, tokens, WARM_UP, Duration.ofSeconds(120), customer::submit);
      System.out.println(warm.summary());
      LoadRunner.run("warm-up ping", 8, endless(), 20_000, Duration.ofSeconds(5), t -> ping.get());

      Map<Integer, LoadResult> pings = new LinkedHashMap<>();
      Map<Integer, LoadResult> submissions = new LinkedHashMap<>();
      Map<Integer, Double> cpuPerSubmission = new LinkedHashMap<>();
      List<String> lags = new java.util.ArrayList<>();
      ApiClient reader = ApiClient.admin();
      for (int clients : CLIENTS) {
        pings.put(
            clients,
            LoadRunner.run(
                "GET /api/ping", clients, endless(), 1_000_000, CEILING_TIME, t -> ping.get()));
        System.out.println(pings.get(clients).summary());
        long cpuBefore = ServerProcess.cpuMillis();
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
        lags.add(lag.finish(clients + " clients"));
        cpuPerSubmission.put(
            clients,
            (ServerProcess.cpuMillis() - cpuBefore)
                / (double) Math.max(1, submissions.get(clients).acknowledgedTokens().size()));
        System.out.println(submissions.get(clients).summary());
        System.out.println(lags.get(lags.size() - 1));
      }
      String heap = ServerProcess.heap();
      String rss = ServerProcess.rss();

      Map<Integer, LoadResult> jdbc = new LinkedHashMap<>();
      Path directory =
          Path.of(System.getProperty("benchmark.jdbcDir", "target/bench-jdbc"))
              .resolve("ceiling-" + System.currentTimeMillis())
              .toAbsolutePath();
      try (JdbcSubmissionCeiling ceiling = new JdbcSubmissionCeiling(directory.toString())) {
        ceiling.prepare(CLIENTS.length * PER_LEVEL + 500);
        ConcurrentLinkedQueue<String> hashes = new ConcurrentLinkedQueue<>(ceiling.tokenHashes());
        System.out.println(
            ceiling.run(4, hashes, 500, Duration.ofSeconds(30)).summary() + " (warm-up)");
        for (int clients : CLIENTS) {
          jdbc.put(clients, ceiling.run(clients, hashes, PER_LEVEL, LEVEL_TIME));
          System.out.println(jdbc.get(clients).summary());
        }
      }

      System.out.printf(
          Locale.ROOT,
          "%n| clients | submissions/s | p50 ms | p99 ms | not acknowledged | ping req/s |"
              + " plain JDBC submissions/s | ratio to ping | ratio to JDBC | server CPU ms per"
              + " submission |%n"
              + "|---|---|---|---|---|---|---|---|---|---|%n");
      for (int clients : CLIENTS) {
        LoadResult s = submissions.get(clients);
        LoadResult p = pings.get(clients);
        LoadResult j = jdbc.get(clients);
        System.out.printf(
            Locale.ROOT,
            "| %d | %,.0f | %.1f | %.1f | %s | %,.0f | %,.0f (p99 %.1f ms) | %.2f | %.2f | %.1f |%n",
            clients,
            s.acknowledgedPerSecond(),
            s.percentileMillis(50),
            s.percentileMillis(99),
            s.failuresByStatus().isEmpty() ? "0" : s.failuresByStatus().toString(),
            p.acknowledgedPerSecond(),
            j.acknowledgedPerSecond(),
            j.percentileMillis(99),
            s.acknowledgedPerSecond() / p.acknowledgedPerSecond(),
            s.acknowledgedPerSecond() / j.acknowledgedPerSecond(),
            cpuPerSubmission.get(clients));
      }
      System.out.println();
      lags.forEach(System.out::println);
      System.out.printf(
          Locale.ROOT,
          "%nserver after the HTTP runs: %s%nRSS: %s%nend: %s%n",
          heap,
          rss,
          ServerProcess.uptime());
      submissions.values().forEach(r -> assertThat(r.requests()).isPositive());
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
