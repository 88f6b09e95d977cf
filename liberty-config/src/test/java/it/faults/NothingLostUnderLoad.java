package it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.reporting.internal.persistence.RollupRecompute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import load.CustomerSubmission;
import load.LoadResult;
import load.LoadRunner;
import load.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Customers answer from 64 clients while the server is killed with SIGKILL (kill -9) and restarted:
 * every acknowledged response is in the database exactly once, a second submission through a link
 * never stores a second response, every comment has a case with an owner, and every queued mail
 * reaches the SMTP server (duplicates by Message-ID at most one drain batch per kill). Counted in
 * the server's own Derby files, not by the clients. CI size: 2,000 submissions, one kill; full size
 * {@code -Dfaults.submissions=100000 -Dfaults.kills=3} (docs/PERFORMANCE.md, Proof under faults);
 * {@code -Dfaults.kills=0} is the plain load run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NothingLostUnderLoad {
  /** The database this run keeps its data in (a fresh one per test class). */
  abstract TestDatabase database(String testName);

  private static final int SUBMISSIONS = Integer.getInteger("faults.submissions", 2000);
  private static final int CLIENTS = Integer.getInteger("faults.clients", 64);
  private static final int KILLS = Integer.getInteger("faults.kills", 1);

  /** SMTP connections of the fault server's outbox drainer (VERBATIM_OUTBOX_CONNECTIONS). */
  public static final int OUTBOX_CONNECTIONS = 4;

  /**
   * The batch in flight: the drainer sends 50 mails per connection at once, the most one crash can
   * leave sent but not marked sent (the batch claimed ahead is unsent and waits for its lease).
   */
  private static final int DRAIN_BATCH = 50 * OUTBOX_CONNECTIONS;

  /** Every second customer (by token) leaves a comment, so comments and responses differ. */
  private static final int COMMENT_EVERY = 2;

  private FaultServer server;
  private CountingSmtp smtp;

  @BeforeAll
  void startServerAndSmtp() {
    server = FaultServer.fresh("nothing-lost", database("nothing-lost"));
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
  void acknowledgedResponsesAndQueuedMailSurviveKillNineUnderLoad() throws Exception {
    System.out.println(
        "Nothing lost on "
            + server.database().describe()
            + ": load average at start "
            + loadAverage());
    StaffSession admin = StaffSession.admin(server);
    String title = "Load survey " + System.nanoTime();
    String surveyId = admin.publishedSurveyWithFallbackOwner(title);
    smtp.readInvitationsWithSubject(title);
    admin.addContacts("load", SUBMISSIONS);
    admin.sendToEveryone(surveyId);
    smtp.awaitAtLeast(SUBMISSIONS, Duration.ofMinutes(5 + SUBMISSIONS / 1000));
    List<String> tokens = new ArrayList<>(smtp.tokensByRecipient().values());
    assertThat(tokens).as("one personal link per invited contact").hasSize(SUBMISSIONS);

    CustomerSubmission customers = new CustomerSubmission(server.baseUrl(), COMMENT_EVERY);
    KilledLoad load = new KilledLoad(customers);
    LoadResult underKills = load.run(tokens);
    System.out.println("Nothing lost: " + underKills.summary());

    // Customers who got no answer try again: the link either stores the answer now or says it
    // was already answered (409), never an error.
    Set<String> acknowledged = new HashSet<>(underKills.acknowledgedTokens());
    List<String> unknown = tokens.stream().filter(t -> !acknowledged.contains(t)).toList();
    LoadResult retried =
        LoadRunner.run(
            "retry",
            8,
            new ConcurrentLinkedQueue<>(unknown),
            unknown.size(),
            Duration.ofMinutes(5),
            customers::submit);
    assertThat(retried.failuresByStatus().keySet()).isSubsetOf(409);

    // A second submission through an acknowledged link is refused and stores nothing.
    List<String> again = new ArrayList<>(acknowledged);
    Collections.shuffle(again);
    again = again.subList(0, Math.min(again.size(), 2000));
    LoadResult second =
        LoadRunner.run(
            "second submission",
            8,
            new ConcurrentLinkedQueue<>(again),
            again.size(),
            Duration.ofMinutes(5),
            customers::submit);
    assertThat(second.acknowledgedTokens()).isEmpty();
    assertThat(second.failuresByStatus()).isEqualTo(Map.of(409, (long) again.size()));

    awaitOutboxDrained();
    awaitEventsApplied();
    server.stop();

    Map<String, Integer> arrived = smtp.messageIdCounts();
    try (FaultDatabase db = FaultDatabase.open(server.database())) {
      Map<String, Integer> responses = db.completeResponsesByTokenHash(surveyId);
      long missing =
          acknowledged.stream()
              .filter(t -> !responses.containsKey(FaultDatabase.tokenHash(t)))
              .count();
      long duplicateResponses = responses.values().stream().filter(n -> n > 1).count();
      String comments =
          " FROM svy_answer a JOIN svy_response r ON r.id = a.response_id WHERE r.survey_id = ?"
              + " AND a.question_type = 'TEXT' AND a.text_value IS NOT NULL AND a.text_value <> ''";
      long commentCount = db.count("SELECT COUNT(*)" + comments, surveyId);
      long commentsWithoutCase =
          db.count(
              "SELECT COUNT(*)"
                  + comments
                  + " AND NOT EXISTS (SELECT 1 FROM fup_case c WHERE c.response_id = a.response_id"
                  + " AND c.question_key = a.question_key)",
              surveyId);
      long casesWithOwner =
          db.count(
              "SELECT COUNT(*) FROM fup_case WHERE survey_id = ? AND owner_id IS NOT NULL",
              surveyId);
      long responseFacts =
          db.count("SELECT COUNT(*) FROM rpt_response WHERE survey_id = ?", surveyId);
      long caseFacts = db.count("SELECT COUNT(*) FROM rpt_case WHERE survey_id = ?", surveyId);
      long eventsLeft = db.count("SELECT COUNT(*) FROM plt_event");
      List<RollupRecompute.Comparison> disagreeing =
          db.rollupsAgainstFacts().stream().filter(c -> !c.agree()).toList();
      Map<String, Set<String>> outbox = db.outboxMessageIdsByStatus();
      Set<String> queued = new HashSet<>();
      outbox.values().forEach(queued::addAll);
      Set<String> lostMail = new HashSet<>(queued);
      lostMail.removeAll(arrived.keySet());
      long duplicateMails =
          arrived.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();

      System.out.printf(
          "Nothing lost: %,d submissions from %d clients with %d kill(s): acknowledged %,d,"
              + " unknown %,d (on retry: %,d stored, %s), found in the database %,d, missing %d,"
              + " duplicate responses %d; second submissions %s; comments %,d, cases with an"
              + " owner %,d (%.1f %%); mails queued %,d, distinct Message-IDs delivered %,d,"
              + " missing %d, duplicate deliveries %d (limit %d); report facts: %,d responses,"
              + " %,d cases, events left %d, rollup figures disagreeing with a recompute %d;"
              + " load average at end %s%n",
          SUBMISSIONS,
          CLIENTS,
          KILLS,
          acknowledged.size(),
          unknown.size(),
          retried.acknowledgedTokens().size(),
          retried.failuresByStatus(),
          responses.size(),
          missing,
          duplicateResponses,
          second.failuresByStatus(),
          commentCount,
          casesWithOwner,
          commentCount == 0 ? 100.0 : 100.0 * casesWithOwner / commentCount,
          queued.size(),
          arrived.size(),
          lostMail.size(),
          duplicateMails,
          DRAIN_BATCH * KILLS,
          responseFacts,
          caseFacts,
          eventsLeft,
          disagreeing.size(),
          loadAverage());

      assertThat(missing).as("acknowledged responses missing from the database").isZero();
      assertThat(duplicateResponses).as("invitations with more than one response").isZero();
      assertThat(responses).as("every link ends with exactly one response").hasSize(SUBMISSIONS);
      assertThat(commentCount).as("comments").isPositive();
      assertThat(commentsWithoutCase).as("comments without a case").isZero();
      assertThat(casesWithOwner).as("cases with an owner = comments").isEqualTo(commentCount);
      assertThat(responseFacts)
          .as("responses counted by reports, once each")
          .isEqualTo(SUBMISSIONS);
      assertThat(caseFacts).as("cases counted by reports").isEqualTo(casesWithOwner);
      assertThat(eventsLeft).as("events not applied or parked").isZero();
      assertThat(disagreeing)
          .as("rollups kept from the event log across the kills equal a recompute from the facts")
          .isEmpty();
      assertThat(outbox.keySet()).as("every outbox row was sent").containsOnly("SENT");
      assertThat(queued.size())
          .as("mails queued: an invitation per contact and a notification per case")
          .isGreaterThanOrEqualTo(SUBMISSIONS + (int) casesWithOwner);
      assertThat(lostMail).as("queued mail that never reached the SMTP server").isEmpty();
      assertThat(duplicateMails)
          .as("Message-IDs delivered twice: at most the drain batch in flight at each kill")
          .isLessThanOrEqualTo((long) DRAIN_BATCH * KILLS);
    }
  }

  /** Waits until reports have applied every event (a killed server's lease expires first). */
  private void awaitEventsApplied() {
    long deadline = System.nanoTime() + Duration.ofMinutes(2 + SUBMISSIONS / 5000).toNanos();
    Observed.Readiness readiness;
    do {
      readiness = Observed.readiness(server);
      if (readiness.events().getJsonNumber("backlog").longValue() == 0) {
        System.out.println("Nothing lost: module events applied: " + readiness.events());
        return;
      }
      FaultServer.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("events still waiting: " + readiness.events());
  }

  /** Waits until the outbox is empty (a killed server's claims expire first), shows the metrics. */
  private void awaitOutboxDrained() {
    long deadline = System.nanoTime() + Duration.ofMinutes(5 + SUBMISSIONS / 2000).toNanos();
    Observed.Readiness readiness;
    do {
      readiness = Observed.readiness(server);
      if (readiness.outbox().getJsonNumber("pending").longValue() == 0) {
        System.out.println(
            "Nothing lost: outbox metrics after the run "
                + Observed.metrics(server)
                    .lines()
                    .filter(line -> line.startsWith("verbatim_outbox"))
                    .toList());
        return;
      }
      FaultServer.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the outbox did not empty: " + readiness.outbox());
  }

  private static String loadAverage() {
    return String.format(
        "%.2f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * The shared {@link LoadRunner} on its own threads, while this thread kills the server with
   * SIGKILL and restarts it each time another share of the links has been acknowledged. Clients
   * wait while the server is down; requests in flight at the kill get no answer (IO_ERROR) or an
   * error and are tried again afterwards.
   */
  private final class KilledLoad {
    private final CustomerSubmission customers;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile boolean serverDown;

    KilledLoad(CustomerSubmission customers) {
      this.customers = customers;
    }

    LoadResult run(List<String> tokens) throws Exception {
      CompletableFuture<LoadResult> load =
          CompletableFuture.supplyAsync(
              () ->
                  LoadRunner.run(
                      "kill -9 load",
                      CLIENTS,
                      new ConcurrentLinkedQueue<>(tokens),
                      tokens.size(),
                      Duration.ofMinutes(10 + tokens.size() / 500),
                      this::submit));
      for (int kill = 1; kill <= KILLS; kill++) {
        int threshold = tokens.size() * kill / (KILLS + 1);
        while (acknowledged.get() < threshold && !load.isDone()) {
          FaultServer.sleep(10);
        }
        serverDown = true;
        server.kill9();
        long killed = System.nanoTime();
        System.out.printf(
            "Nothing lost: kill -9 #%d after %,d acknowledged submissions%n",
            kill, acknowledged.get());
        server.start();
        serverDown = false;
        System.out.printf(
            "Nothing lost: restarted and ready %.1f s after kill #%d%n",
            (System.nanoTime() - killed) / 1e9, kill);
      }
      return load.get();
    }

    private Outcome submit(String token) {
      while (serverDown) {
        FaultServer.sleep(50);
      }
      Outcome outcome = customers.submit(token);
      if (outcome.acknowledged()) {
        acknowledged.incrementAndGet();
      }
      return outcome;
    }
  }
}
