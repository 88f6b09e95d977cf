package it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SMTP server goes down while mail is queued: the backlog, the outage and the next probe show
 * on {@code /health/ready} and {@code /metrics}, the server stays ready, no mail is given up
 * however often it was tried, and once SMTP is back every queued mail arrives within the probe
 * interval (counted by Message-ID against the outbox table itself). CI size: 200 invitations, a 20
 * s outage; full size with {@code -Dfaults.outage.seconds=300 -Dfaults.outage.mails=5000}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SmtpOutage {
  /** The database this run keeps its data in (a fresh one per test class). */
  abstract TestDatabase database(String testName);

  private static final int MAILS = Integer.getInteger("faults.outage.mails", 200);
  private static final Duration OUTAGE =
      Duration.ofSeconds(Integer.getInteger("faults.outage.seconds", 20));

  /** Low enough that the outage would give mail up if it counted against each mail. */
  private static final int MAX_ATTEMPTS = 2;

  private static final int PROBE_MAX_SECONDS = 5;

  private FaultServer server;
  private CountingSmtp smtp;

  @BeforeAll
  void startServerAndSmtp() {
    server =
        FaultServer.fresh("smtp-outage", database("smtp-outage"))
            .withEnvironment("VERBATIM_OUTBOX_MAX_ATTEMPTS=" + MAX_ATTEMPTS)
            .withEnvironment("VERBATIM_OUTBOX_RELAY_PROBE_MAX_SECONDS=" + PROBE_MAX_SECONDS);
    smtp = new CountingSmtp(server.smtpPort()).start();
    server.start();
  }

  @AfterAll
  void stopAll() {
    if (server != null) {
      server.stop();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void mailQueuedDuringAnSmtpOutageIsAllDeliveredAfterItAndTheBacklogIsVisibleMeanwhile() {
    System.out.printf(
        "SMTP outage on %s: load average at start %.2f%n",
        server.database().describe(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    StaffSession admin = StaffSession.admin(server);
    String title = "Outage survey " + System.nanoTime();
    String surveyId = admin.publishedSurveyWithFallbackOwner(title);
    admin.addContacts("outage", MAILS);

    smtp.stop();
    long outageStarted = System.nanoTime();
    admin.sendToEveryone(surveyId);

    // The outage lasts OUTAGE, and at least until every mail was tried and one more often than
    // MAX_ATTEMPTS (on a slow machine sending the distribution alone can take longer than a short
    // outage).
    long giveUp = System.nanoTime() + OUTAGE.plusMinutes(3).toNanos();
    Observed.Readiness duringOutage;
    String metricsDuringOutage;
    long highestAttempts = 0;
    do {
      FaultServer.sleep(1000);
      duringOutage = Observed.readiness(server);
      metricsDuringOutage = Observed.metrics(server);
      highestAttempts =
          Math.max(
              highestAttempts, duringOutage.outbox().getJsonNumber("highestAttempts").longValue());
    } while (System.nanoTime() < giveUp
        && (System.nanoTime() - outageStarted < OUTAGE.toNanos()
            || duringOutage.outbox().getJsonNumber("retrying").longValue() < MAILS
            || highestAttempts <= MAX_ATTEMPTS));
    System.out.printf(
        "SMTP outage: health during outage %s; metrics:%n%s%n",
        duringOutage.outbox(), outboxLines(metricsDuringOutage));

    assertThat(duringOutage.status())
        .as("readiness stays UP: customers can still answer while mail waits in the outbox")
        .isEqualTo("UP");
    assertThat(duringOutage.outbox().getJsonNumber("pending").longValue()).isEqualTo(MAILS);
    assertThat(duringOutage.outbox().getJsonNumber("retrying").longValue()).isEqualTo(MAILS);
    assertThat(duringOutage.outbox().getBoolean("lastAttemptDelivered")).isFalse();
    assertThat(highestAttempts)
        .as("probes during the outage, more than max-attempts")
        .isGreaterThan(MAX_ATTEMPTS);
    assertThat(duringOutage.outbox().getJsonNumber("failed").longValue())
        .as("mail given up because the relay was down")
        .isZero();
    assertThat(duringOutage.outbox().getJsonNumber("relayUnreachableSeconds").longValue())
        .isPositive();
    assertThat(duringOutage.outbox().getJsonNumber("nextRelayProbeInSeconds").longValue())
        .isBetween(0L, (long) PROBE_MAX_SECONDS);
    assertThat(
            Observed.sample(metricsDuringOutage, "verbatim_outbox_relay_unreachable_seconds")
                .orElseThrow())
        .isPositive();
    assertThat(Observed.sample(metricsDuringOutage, "verbatim_outbox_pending").orElseThrow())
        .isEqualTo(MAILS);
    assertThat(Observed.sample(metricsDuringOutage, "verbatim_outbox_retrying").orElseThrow())
        .isEqualTo(MAILS);
    assertThat(
            Observed.sample(metricsDuringOutage, "verbatim_outbox_oldest_pending_seconds")
                .orElseThrow())
        .isPositive();
    assertThat(Observed.sample(metricsDuringOutage, "verbatim_outbox_next_retry_seconds"))
        .as("the retry backoff")
        .isPresent();
    assertThat(
            Observed.sample(metricsDuringOutage, "verbatim_outbox_attempts_failed_total")
                .orElseThrow())
        .isGreaterThanOrEqualTo(MAILS);

    smtp.start();
    long back = System.nanoTime();
    long received = smtp.awaitAtLeast(MAILS, Duration.ofSeconds(PROBE_MAX_SECONDS).plusMinutes(2));
    long drainedMillis = (System.nanoTime() - back) / 1_000_000;
    long outageMillis = (back - outageStarted) / 1_000_000;
    Observed.Readiness afterwards = awaitEmptyQueue();
    server.stop();

    Map<String, Integer> arrived = smtp.messageIdCounts();
    Set<String> queued;
    try (FaultDatabase db = FaultDatabase.open(server.database())) {
      Map<String, Set<String>> byStatus = db.outboxMessageIdsByStatus();
      queued = new HashSet<>();
      byStatus.values().forEach(queued::addAll);
      assertThat(byStatus.keySet()).as("every outbox row was sent").containsOnly("SENT");
    }
    Set<String> missing = new HashSet<>(queued);
    missing.removeAll(arrived.keySet());
    long duplicates = arrived.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
    System.out.printf(
        "SMTP outage: %d mails queued, %d received, %d Message-IDs missing, %d duplicates;"
            + " outage %.1f s, all delivered %.1f s after SMTP returned; health afterwards %s%n",
        queued.size(),
        received,
        missing.size(),
        duplicates,
        outageMillis / 1000.0,
        drainedMillis / 1000.0,
        afterwards.outbox());

    assertThat(queued).hasSize(MAILS);
    assertThat(afterwards.outbox().getJsonNumber("relayUnreachableSeconds").longValue()).isZero();
    assertThat(missing).as("queued mail that never reached the SMTP server").isEmpty();
    assertThat(duplicates).as("Message-IDs delivered twice").isZero();
  }

  private Observed.Readiness awaitEmptyQueue() {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    Observed.Readiness readiness;
    do {
      readiness = Observed.readiness(server);
      if (readiness.outbox().getJsonNumber("pending").longValue() == 0) {
        return readiness;
      }
      FaultServer.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the outbox did not empty: " + readiness.outbox());
  }

  private static String outboxLines(String metrics) {
    return metrics
        .lines()
        .filter(line -> line.startsWith("verbatim_outbox"))
        .reduce("", (a, b) -> a + "  " + b + "\n");
  }
}
