package bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.faults.CountingSmtp;
import it.faults.FaultServer;
import it.faults.Observed;
import it.faults.StaffSession;
import it.faults.TestDatabase;
import it.scaleout.Nginx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import load.CustomerSubmission;
import load.LoadResult;
import load.LoadRunner;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: one server against two servers on one PostgreSQL database, in one run. Each
 * half gets a fresh database on the build's throwaway cluster (src/it/postgresql.sh) and the
 * servers of the scale-out tests ({@code verbatimtwo1}, {@code verbatimtwo2}, started by {@link
 * FaultServer} with the same settings in both halves), a {@link CountingSmtp} in this JVM, and for
 * two servers nginx round robin in front ({@link Nginx}). Measures the customer submission load of
 * {@link SubmissionThroughputBenchmark} (page + form, every answer with a comment, so a case) at
 * {@code benchmark.clients} (8,32) clients against the one server directly and against nginx, with
 * the event-log backlog of both servers after each level; then the outbox drain of {@code
 * benchmark.mails} invitations queued at once (one scheduled distribution, as {@link
 * MailDrainBenchmark}) by one server and by two sharing the outbox, with the duplicates. Prints
 * both tables and the ratios two/one. Run with {@code mvn -Pbench verify
 * -Dbenchmark=TwoServersBenchmark} (docs/PERFORMANCE.md).
 */
class TwoServersBenchmark {
  private static final int[] CLIENTS =
      Arrays.stream(System.getProperty("benchmark.clients", "8,32").split(","))
          .mapToInt(c -> Integer.parseInt(c.trim()))
          .toArray();
  private static final int PER_LEVEL = Integer.getInteger("benchmark.perLevel", 2_000);
  private static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 300);
  private static final Duration LEVEL_TIME =
      Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 15));
  private static final int MAILS = Integer.getInteger("benchmark.mails", 3_000);

  /** One level: the load, the backlog on each server when it stopped, the catch-up time. */
  private record Level(LoadResult load, List<Long> backlogs, double catchUpSeconds, double cpuMs) {}

  /** One half of the run. */
  private record Half(
      String label,
      Map<Integer, Level> levels,
      double drainRate,
      double drainSeconds,
      long duplicates,
      String split) {}

  @Test
  void oneServerAgainstTwoBehindNginx() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%nTwo servers benchmark: clients %s, %,d per level (at most %s), warm-up %,d, %,d mails"
            + "%nstart: %s%n",
        Arrays.toString(CLIENTS),
        PER_LEVEL,
        LEVEL_TIME,
        WARM_UP,
        MAILS,
        ServerProcess.uptime());
    Half one = half(false);
    Half two = half(true);
    print(one);
    print(two);
    printRatios(one, two);
    System.out.printf(Locale.ROOT, "%nend: %s%n", ServerProcess.uptime());
    for (Half half : List.of(one, two)) {
      half.levels().values().forEach(l -> assertThat(l.load().requests()).isPositive());
      assertThat(half.duplicates()).as(half.label() + ": duplicate deliveries").isZero();
    }
  }

  private static Half half(boolean twoServers) throws Exception {
    String label = twoServers ? "two servers behind nginx" : "one server";
    int port1 = Integer.getInteger("scaleout.httpPort1", 9392);
    int port2 = Integer.getInteger("scaleout.httpPort2", 9393);
    int smtpPort = Integer.getInteger("scaleout.smtpPort", 3628);
    Path dir = Path.of(System.getProperty("scaleout.dir", "target/scaleout")).toAbsolutePath();
    TestDatabase.PostgreSql database =
        TestDatabase.freshPostgreSql(twoServers ? "bench_two" : "bench_one");
    Nginx nginx = null;
    List<FaultServer> servers = new ArrayList<>();
    try (CountingSmtp smtp = new CountingSmtp(smtpPort).start()) {
      if (twoServers) {
        nginx =
            Nginx.roundRobin(
                dir.resolve("bench-nginx-" + System.currentTimeMillis()), List.of(port1, port2));
      }
      String entry = nginx != null ? nginx.baseUrl() : "http://localhost:" + port1;
      servers.add(server("verbatimtwo1", port1, smtpPort, database, entry));
      if (twoServers) {
        servers.add(server("verbatimtwo2", port2, smtpPort, database, entry));
      }
      long start = System.nanoTime();
      CompletableFuture.allOf(
              servers.stream()
                  .map(s -> CompletableFuture.runAsync(s::start))
                  .toArray(CompletableFuture[]::new))
          .join();
      System.out.printf(
          Locale.ROOT,
          "%n== %s on %s (entry %s, SMTP sink on %d): ready in %.1f s (%s)%n",
          label,
          database.describe(),
          entry,
          smtpPort,
          (System.nanoTime() - start) / 1e9,
          ServerProcess.uptime());
      FaultServer first = servers.get(0);

      // Staff arrange on server one directly; customers answer through the entry.
      StaffSession admin = StaffSession.admin(first);
      String title = "Two servers bench " + System.nanoTime();
      String surveyId = admin.publishedSurveyWithFallbackOwner(title);
      smtp.readInvitationsWithSubject(title);
      int links = WARM_UP + CLIENTS.length * PER_LEVEL;
      start = System.nanoTime();
      admin.addContacts("load", links);
      admin.sendToEveryone(surveyId);
      List<String> tokens = awaitTokens(smtp, "load-", links);
      System.out.printf(
          Locale.ROOT,
          "prepared %,d personal links in %.1f s (%s)%n",
          tokens.size(),
          (System.nanoTime() - start) / 1e9,
          ServerProcess.uptime());
      ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tokens);

      CustomerSubmission customer =
          new CustomerSubmission(CustomerSubmission.newHttpClient(), entry, 1);
      System.out.println(
          LoadRunner.run("warm-up", 8, queue, WARM_UP, Duration.ofSeconds(120), customer::submit)
              .summary());
      awaitCaughtUp(servers);
      Map<Integer, Level> levels = new LinkedHashMap<>();
      for (int clients : CLIENTS) {
        long cpuBefore = cpuMillis(servers);
        LoadResult load =
            LoadRunner.run(
                "submission (page + form)",
                clients,
                queue,
                PER_LEVEL,
                LEVEL_TIME,
                customer::submit);
        List<Long> backlogs = servers.stream().map(TwoServersBenchmark::backlog).toList();
        double catchUp = awaitCaughtUp(servers);
        double cpu =
            (cpuMillis(servers) - cpuBefore)
                / (double) Math.max(1, load.acknowledgedTokens().size());
        levels.put(clients, new Level(load, backlogs, catchUp, cpu));
        System.out.printf(
            Locale.ROOT,
            "%s%n  event-log backlog when the load stopped %s, caught up %.1f s later;"
                + " server CPU %.1f ms per submission (%s)%n",
            load.summary(),
            backlogs,
            catchUp,
            cpu,
            ServerProcess.uptime());
      }
      String split = nginx != null ? requestsPerUpstream(nginx) : "-";
      if (nginx != null) {
        System.out.println("requests per server through nginx: " + split);
      }
      awaitOutboxEmpty(first);

      // The drain: MAILS contacts with one attribute, one distribution to that audience scheduled a
      // few seconds ahead, so the whole queue waits in the outbox that all servers drain.
      String run = Long.toString(System.nanoTime(), 36);
      for (int from = 0; from < MAILS; from += 1_000) {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = from; i < Math.min(MAILS, from + 1_000); i++) {
          contacts.add(
              Map.of(
                  "email",
                  "drain." + run + "." + i + "@example.com",
                  "name",
                  "Customer " + i,
                  "attributes",
                  Map.of("drainrun", "d" + run)));
        }
        admin.send("POST", "/api/contacts/bulk", contacts, 200);
      }
      long before = smtp.received();
      admin.send(
          "POST",
          "/api/surveys/" + surveyId + "/distributions",
          Map.of(
              "audience",
              "drainrun = d" + run,
              "scheduledAt",
              Instant.now().plusSeconds(3).toString()),
          201);
      long firstAt = 0;
      long lastAt = 0;
      long seen = before;
      long progressAt = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (System.nanoTime() < deadline) {
        long now = System.nanoTime();
        long received = smtp.received();
        if (received > seen) {
          if (firstAt == 0) {
            firstAt = now;
          }
          lastAt = now;
          seen = received;
          progressAt = now;
          if (received - before >= MAILS) {
            break;
          }
        } else if (firstAt != 0 && now - progressAt > Duration.ofSeconds(60).toNanos()) {
          break;
        }
        Thread.sleep(5);
      }
      // Let a late duplicate arrive before counting.
      FaultServer.sleep(2_000);
      String prefix = "drain." + run + ".";
      long delivered =
          smtp.countsByRecipientAndSubject().entrySet().stream()
              .filter(e -> e.getKey().startsWith(prefix))
              .mapToLong(Map.Entry::getValue)
              .sum();
      long duplicates =
          smtp.messageIdCounts().values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
      double drainSeconds = (lastAt - firstAt) / 1e9;
      double drainRate = (MAILS - 1) / drainSeconds;
      System.out.printf(
          Locale.ROOT,
          "drain: %,d of %,d mails delivered, %,.0f mails/s (%.1f s from the first to the last),"
              + " duplicate deliveries in this half %d (%s)%n",
          delivered,
          MAILS,
          drainRate,
          drainSeconds,
          duplicates,
          ServerProcess.uptime());
      assertThat(delivered).as(label + ": drain mails delivered").isEqualTo(MAILS);
      return new Half(label, levels, drainRate, drainSeconds, duplicates, split);
    } finally {
      for (FaultServer server : servers) {
        server.close();
      }
      if (nginx != null) {
        nginx.close();
      }
    }
  }

  private static FaultServer server(
      String name, int port, int smtpPort, TestDatabase database, String publicBaseUrl) {
    return FaultServer.named(name, port, smtpPort, database)
        .withPublicBaseUrl(publicBaseUrl)
        .withEnvironment("VERBATIM_DISTRIBUTION_POLL_SECONDS=2");
  }

  private static List<String> awaitTokens(CountingSmtp smtp, String prefix, int n) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    List<String> tokens = List.of();
    while (System.nanoTime() < deadline) {
      tokens =
          smtp.tokensByRecipient().entrySet().stream()
              .filter(e -> e.getKey().startsWith(prefix))
              .map(Map.Entry::getValue)
              .toList();
      if (tokens.size() >= n) {
        return tokens;
      }
      FaultServer.sleep(250);
    }
    throw new AssertionError("only " + tokens.size() + " of " + n + " invitations arrived");
  }

  private static long backlog(FaultServer server) {
    return Observed.readiness(server).events().getJsonNumber("backlog").longValue();
  }

  /** Seconds until every server reports an empty event log (at most 2 minutes). */
  private static double awaitCaughtUp(List<FaultServer> servers) {
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (servers.stream().allMatch(s -> backlog(s) == 0)) {
        break;
      }
      FaultServer.sleep(100);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void awaitOutboxEmpty(FaultServer server) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (Observed.readiness(server).outbox().getJsonNumber("pending").longValue() == 0) {
        return;
      }
      FaultServer.sleep(250);
    }
    throw new AssertionError("the outbox did not empty: " + Observed.readiness(server).outbox());
  }

  private static long cpuMillis(List<FaultServer> servers) {
    return servers.stream()
        .mapToLong(
            s ->
                s.jvm()
                    .flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toMillis)
                    .orElse(0L))
        .sum();
  }

  /** Requests per upstream address as nginx logged them. */
  private static String requestsPerUpstream(Nginx nginx) {
    Map<String, Long> counts = new TreeMap<>();
    try {
      Matcher upstream =
          Pattern.compile("upstream=(127\\.0\\.0\\.1:\\d+)")
              .matcher(Files.readString(nginx.accessLog()));
      while (upstream.find()) {
        counts.merge(upstream.group(1), 1L, Long::sum);
      }
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return counts.toString();
  }

  private static void print(Half half) {
    System.out.printf(
        Locale.ROOT,
        "%n%s%n| clients | submissions/s | p50 ms | p99 ms | not acknowledged | event-log backlog"
            + " when the load stopped (per server) | caught up after | server CPU ms per"
            + " submission |%n|---|---|---|---|---|---|---|---|%n",
        half.label());
    half.levels()
        .forEach(
            (clients, l) ->
                System.out.printf(
                    Locale.ROOT,
                    "| %d | %,.0f | %.1f | %.1f | %s | %s | %.1f s | %.1f |%n",
                    clients,
                    l.load().acknowledgedPerSecond(),
                    l.load().percentileMillis(50),
                    l.load().percentileMillis(99),
                    l.load().failuresByStatus().isEmpty()
                        ? "0"
                        : l.load().failuresByStatus().toString(),
                    l.backlogs(),
                    l.catchUpSeconds(),
                    l.cpuMs()));
  }

  private static void printRatios(Half one, Half two) {
    System.out.printf(
        Locale.ROOT,
        "%nTwo servers / one server, one after the other in this run%n"
            + "| clients | one: submissions/s, p50 / p99 ms | two: submissions/s, p50 / p99 ms |"
            + " ratio two/one |%n|---|---|---|---|%n");
    for (int clients : CLIENTS) {
      LoadResult o = one.levels().get(clients).load();
      LoadResult t = two.levels().get(clients).load();
      System.out.printf(
          Locale.ROOT,
          "| %d | %,.0f, %.1f / %.1f | %,.0f, %.1f / %.1f | %.2f |%n",
          clients,
          o.acknowledgedPerSecond(),
          o.percentileMillis(50),
          o.percentileMillis(99),
          t.acknowledgedPerSecond(),
          t.percentileMillis(50),
          t.percentileMillis(99),
          t.acknowledgedPerSecond() / o.acknowledgedPerSecond());
    }
    System.out.printf(
        Locale.ROOT,
        "%n| mails | one server: mails/s | two servers: mails/s | ratio two/one | duplicates one /"
            + " two |%n|---|---|---|---|---|%n| %,d | %,.0f (%.1f s) | %,.0f (%.1f s) | %.2f | %d /"
            + " %d |%n",
        MAILS,
        one.drainRate(),
        one.drainSeconds(),
        two.drainRate(),
        two.drainSeconds(),
        two.drainRate() / one.drainRate(),
        one.duplicates(),
        two.duplicates());
  }
}
