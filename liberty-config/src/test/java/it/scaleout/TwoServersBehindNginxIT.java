package it.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import it.faults.CountingSmtp;
import it.faults.FaultDatabase;
import it.faults.FaultServer;
import it.faults.NothingLostUnderLoad;
import it.faults.Observed;
import it.faults.StaffSession;
import it.faults.TestDatabase;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import load.CustomerSubmission;
import load.LoadResult;
import load.LoadRunner;
import load.Outcome;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two servers ("verbatimtwo1", "verbatimtwo2") on one PostgreSQL database behind nginx round robin
 * without sticky sessions, as the README's "several servers" set-up: they start together on an
 * empty database, lose nothing when one is killed with kill -9 under load, send each due reminder,
 * escalation and digest once although both run the jobs, and accept each other's staff login and
 * CSRF tokens. The scenarios build on each other and run in order on one database (the build's
 * {@code verbatim_two}). CI size: {@code scaleout.submissions} (600) through 16 clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersBehindNginxIT {
  private static final int SUBMISSIONS = Integer.getInteger("scaleout.submissions", 600);
  private static final int CLIENTS = 16;

  /** The most one crash can leave sent but not marked sent (see NothingLostUnderLoad). */
  private static final int DRAIN_BATCH = 50 * NothingLostUnderLoad.OUTBOX_CONNECTIONS;

  /** A Liberty log line of level SEVERE (E) or the PostgreSQL duplicate-key message. */
  private static final Pattern ERROR_LINE =
      Pattern.compile("(?m)^\\[[^\\]]+\\]\\s+\\S+\\s+\\S+\\s+E\\s.*$|^.*duplicate key.*$");

  private TestDatabase.PostgreSql database;
  private CountingSmtp smtp;
  private Nginx nginx;
  private FaultServer one;
  private FaultServer two;
  private int smtpPort;
  private int digestHour;
  private Instant digestAt;
  private Instant serversReadyAt = Instant.MAX;
  private final long began = System.nanoTime();

  @BeforeAll
  void startSmtpAndNginx() {
    Path dir = Path.of(System.getProperty("scaleout.dir", "target/scaleout")).toAbsolutePath();
    database = TestDatabase.postgreSql("verbatim_two");
    smtpPort = Integer.getInteger("scaleout.smtpPort", 3628);
    smtp = new CountingSmtp(smtpPort).start();
    int port1 = Integer.getInteger("scaleout.httpPort1", 9392);
    int port2 = Integer.getInteger("scaleout.httpPort2", 9393);
    nginx =
        Nginx.roundRobin(dir.resolve("nginx-" + System.currentTimeMillis()), List.of(port1, port2));
    // The digest goes out daily at the next full hour (UTC): the scenario below can only see it
    // when that hour begins while both servers run (DigestScheduler has no shorter period).
    ZonedDateTime nextHour =
        ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    digestHour = nextHour.getHour();
    digestAt = nextHour.toInstant();
    one = server("verbatimtwo1", port1);
    two = server("verbatimtwo2", port2);
  }

  private FaultServer server(String name, int port) {
    return FaultServer.named(name, port, smtpPort, database)
        .withPublicBaseUrl(nginx.baseUrl())
        // Both servers look for due work every 2 s, so their runs overlap all the time.
        .withEnvironment("VERBATIM_DISTRIBUTION_POLL_SECONDS=2")
        .withEnvironment("VERBATIM_ESCALATION_POLL_SECONDS=2")
        .withEnvironment("VERBATIM_REMINDERS_AFTER_DAYS=3")
        .withEnvironment("VERBATIM_REMINDERS_MAX=1")
        .withEnvironment("VERBATIM_DIGEST_SCHEDULE=daily")
        .withEnvironment("VERBATIM_DIGEST_HOUR=" + digestHour)
        .withEnvironment("VERBATIM_DB_POOL_MAX=30");
  }

  @AfterAll
  void stopAll() {
    for (AutoCloseable closeable : new AutoCloseable[] {one, two, nginx, smtp}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        System.out.println("Two servers: stopping " + closeable + " failed: " + e);
      }
    }
    System.out.printf(
        "Two servers: all scenarios took %.1f s%n", (System.nanoTime() - began) / 1e9);
  }

  @Test
  @Order(1)
  void bothServersStartedAtTheSameMomentOnAnEmptyDatabaseBecomeReadyWithOneAdminAndOneKey() {
    long start = System.nanoTime();
    CompletableFuture<Void> first = CompletableFuture.runAsync(one::start);
    CompletableFuture<Void> second = CompletableFuture.runAsync(two::start);
    CompletableFuture.allOf(first, second).join();
    serversReadyAt = Instant.now();
    System.out.printf(
        "Two servers: both ready %.1f s after starting together%n",
        (System.nanoTime() - start) / 1e9);

    for (FaultServer server : List.of(one, two)) {
      Observed.Readiness readiness = Observed.readiness(server);
      assertThat(readiness.httpStatus()).as(server.name() + " /health/ready").isEqualTo(200);
      assertThat(readiness.startup().getString("state"))
          .as(server.name() + " start-up state")
          .isEqualTo("ready");
    }
    try (FaultDatabase db = FaultDatabase.open(database)) {
      assertThat(db.count("SELECT COUNT(*) FROM plt_staff_user")).as("first admins").isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM svy_setting WHERE name = 'invitation-token-key'"))
          .as("invitation token keys")
          .isEqualTo(1);
    }
    for (FaultServer server : List.of(one, two)) {
      assertThat(errorLines(server.messages()))
          .as(server.name() + ": SEVERE or duplicate-key lines in " + server.messagesLog())
          .isEmpty();
    }
  }

  @Test
  @Order(2)
  void submissionsSplitOverBothServersLoseNothingWhenOneIsKilledAndRestarted() throws Exception {
    long start = System.nanoTime();
    // Staff arrange on server one directly; customers answer through nginx.
    StaffSession admin = StaffSession.admin(one);
    String title = "Two-server survey " + System.nanoTime();
    String surveyId = admin.publishedSurveyWithFallbackOwner(title);
    smtp.readInvitationsWithSubject(title);
    admin.addContacts("two", SUBMISSIONS);
    admin.sendToEveryone(surveyId);
    smtp.awaitAtLeast(SUBMISSIONS, Duration.ofMinutes(3));
    List<String> tokens = tokensOf(smtp.tokensByRecipient(), "two-").values().stream().toList();
    assertThat(tokens).as("one personal link per invited contact").hasSize(SUBMISSIONS);

    CustomerSubmission customers = new CustomerSubmission(nginx.baseUrl(), 2);
    AtomicInteger acknowledged = new AtomicInteger();
    CompletableFuture<LoadResult> load =
        CompletableFuture.supplyAsync(
            () ->
                LoadRunner.run(
                    "two servers, kill -9",
                    CLIENTS,
                    new ConcurrentLinkedQueue<>(tokens),
                    tokens.size(),
                    Duration.ofMinutes(5),
                    token -> {
                      Outcome outcome = customers.submit(token);
                      if (outcome.acknowledged()) {
                        acknowledged.incrementAndGet();
                      }
                      return outcome;
                    }));
    while (acknowledged.get() < SUBMISSIONS / 3 && !load.isDone()) {
      FaultServer.sleep(10);
    }
    two.kill9();
    long killed = System.nanoTime();
    System.out.printf(
        "Two servers: kill -9 of %s after %,d acknowledged submissions%n",
        two.name(), acknowledged.get());
    two.start();
    System.out.printf(
        "Two servers: %s restarted and ready %.1f s after the kill, %,d acknowledged by then%n",
        two.name(), (System.nanoTime() - killed) / 1e9, acknowledged.get());
    LoadResult underKill = load.get();
    System.out.println("Two servers: " + underKill.summary());

    Set<String> acknowledgedTokens = new HashSet<>(underKill.acknowledgedTokens());
    List<String> unknown = tokens.stream().filter(t -> !acknowledgedTokens.contains(t)).toList();
    LoadResult retried =
        LoadRunner.run(
            "retry",
            4,
            new ConcurrentLinkedQueue<>(unknown),
            unknown.size(),
            Duration.ofMinutes(3),
            customers::submit);
    assertThat(retried.failuresByStatus().keySet()).isSubsetOf(409);

    awaitOutboxDrained();
    Map<String, Long> perUpstream = requestsPerUpstream();
    Map<String, Integer> arrived = smtp.messageIdCounts();
    try (FaultDatabase db = FaultDatabase.open(database)) {
      Map<String, Integer> responses = db.completeResponsesByTokenHash(surveyId);
      long missing =
          acknowledgedTokens.stream()
              .filter(t -> !responses.containsKey(FaultDatabase.tokenHash(t)))
              .count();
      long duplicateResponses = responses.values().stream().filter(n -> n > 1).count();
      Map<String, Set<String>> outbox = db.outboxMessageIdsByStatus();
      Set<String> queued = new HashSet<>();
      outbox.values().forEach(queued::addAll);
      Set<String> lostMail = new HashSet<>(queued);
      lostMail.removeAll(arrived.keySet());
      long duplicateMails =
          arrived.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
      System.out.printf(
          "Two servers: %,d submissions from %d clients through nginx (requests per server %s),"
              + " kill -9 of one: acknowledged %,d, unknown %,d (on retry %,d stored, %s),"
              + " responses in the database %,d, missing %d, duplicate responses %d; mails queued"
              + " %,d, distinct Message-IDs delivered %,d, missing %d, duplicate deliveries %d"
              + " (limit %d); %.1f s%n",
          SUBMISSIONS,
          CLIENTS,
          perUpstream,
          acknowledgedTokens.size(),
          unknown.size(),
          retried.acknowledgedTokens().size(),
          retried.failuresByStatus(),
          responses.size(),
          missing,
          duplicateResponses,
          queued.size(),
          arrived.size(),
          lostMail.size(),
          duplicateMails,
          DRAIN_BATCH,
          (System.nanoTime() - start) / 1e9);

      assertThat(perUpstream.values()).as("requests reached both servers").hasSize(2);
      assertThat(missing).as("acknowledged responses missing from the database").isZero();
      assertThat(duplicateResponses).as("invitations with more than one response").isZero();
      assertThat(responses).as("every link ends with exactly one response").hasSize(SUBMISSIONS);
      assertThat(outbox.keySet()).as("every outbox row was sent").containsOnly("SENT");
      assertThat(lostMail).as("queued mail that never reached the SMTP server").isEmpty();
      assertThat(duplicateMails)
          .as("Message-IDs delivered twice: at most the drain batch in flight at the kill")
          .isLessThanOrEqualTo(DRAIN_BATCH);
    }
  }

  @Test
  @Order(3)
  void overlappingReminderEscalationAndDigestRunsOnBothServersSendEachMailOnce() {
    long start = System.nanoTime();
    StaffSession admin = StaffSession.admin(one);
    String manager = "two-manager-" + System.nanoTime();
    String managerEmail = manager + "@staff.example.com";
    admin.send(
        "POST",
        "/api/users",
        Map.of(
            "username",
            manager,
            "email",
            managerEmail,
            "displayName",
            "Two Manager",
            "password",
            "pw-" + manager + "-long-enough",
            "roles",
            List.of("manager")),
        201);
    String title = "Due work survey " + System.nanoTime();
    String surveyId = admin.publishedSurveyWithFallbackOwner(title);
    smtp.readInvitationsWithSubject(title);
    int invited = 20;
    int answered = 8;
    admin.addContacts("due", invited);
    List<String> contactIds = contactIdsWithPrefix(admin, "due-");
    assertThat(contactIds).hasSize(invited);
    admin.send(
        "POST",
        "/api/surveys/" + surveyId + "/distributions",
        Map.of("contactIds", contactIds),
        201);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (tokensOf(smtp.tokensByRecipient(), "due-").size() < invited
        && System.nanoTime() < deadline) {
      FaultServer.sleep(200);
    }
    Map<String, String> tokens = tokensOf(smtp.tokensByRecipient(), "due-");
    assertThat(tokens).as("invitations").hasSize(invited);
    List<String> answering = new ArrayList<>(tokens.keySet()).subList(0, answered);
    CustomerSubmission customers = new CustomerSubmission(nginx.baseUrl(), 1);
    for (String recipient : answering) {
      assertThat(customers.submit(tokens.get(recipient)).acknowledged())
          .as("answer of " + recipient)
          .isTrue();
    }
    try (FaultDatabase db = FaultDatabase.open(database)) {
      awaitCount(db, "SELECT COUNT(*) FROM fup_case WHERE survey_id = ?", surveyId, answered);
      // Make the work due in the database both servers read: the invitations were sent four days
      // ago (reminders after three), the cases were due an hour ago.
      long now = System.currentTimeMillis();
      db.update(
          "UPDATE svy_invitation SET created_at = created_at - ? WHERE survey_id = ?",
          Duration.ofDays(4).toMillis(),
          surveyId);
      db.update(
          "UPDATE fup_case SET due_at = ? WHERE survey_id = ?",
          now - Duration.ofHours(1).toMillis(),
          surveyId);
    }
    int unanswered = invited - answered;
    String reminderSubject = "Reminder: " + title;
    Duration wait = Duration.ofSeconds(90);
    deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline
        && (reminders(reminderSubject) < unanswered || escalations(managerEmail) < answered)) {
      FaultServer.sleep(250);
    }
    // Both servers look every 2 s: 10 s more is several more overlapping runs on each.
    FaultServer.sleep(10_000);
    boolean digestDue =
        digestAt.isAfter(serversReadyAt) && Instant.now().isAfter(digestAt.plusSeconds(20));
    Map<String, Integer> counts = smtp.countsByRecipientAndSubject();
    Map<String, Integer> remindersPerRecipient = new LinkedHashMap<>();
    for (String recipient : tokens.keySet()) {
      remindersPerRecipient.put(
          recipient, counts.getOrDefault(recipient + " " + reminderSubject, 0));
    }
    Map<String, Integer> digests = new HashMap<>();
    counts.forEach(
        (key, n) -> {
          if (key.startsWith(managerEmail + " Verbatim digest ")) {
            digests.put(key, n);
          }
        });
    System.out.printf(
        "Two servers: reminders per customer %s; escalation mails to the manager %d for %d overdue"
            + " cases; digests to the manager %s (%s); %.1f s%n",
        remindersPerRecipient,
        escalations(managerEmail),
        answered,
        digests,
        digestDue ? "the digest hour began during the run" : "the digest hour was not reached",
        (System.nanoTime() - start) / 1e9);

    for (String recipient : tokens.keySet()) {
      assertThat(remindersPerRecipient.get(recipient))
          .as("reminders to " + recipient)
          .isEqualTo(answering.contains(recipient) ? 0 : 1);
    }
    assertThat(escalations(managerEmail))
        .as("escalation mails: one per overdue case (level 1, no team: the manager)")
        .isEqualTo(answered);
    try (FaultDatabase db = FaultDatabase.open(database)) {
      assertThat(
              db.count(
                  "SELECT COUNT(*) FROM fup_case WHERE survey_id = ? AND escalation_level = 1",
                  surveyId))
          .isEqualTo(answered);
      assertThat(db.count("SELECT COUNT(*) FROM rpt_digest_sent WHERE period_key LIKE 'daily:%'"))
          .as("scheduled digests recorded")
          .isLessThanOrEqualTo(1);
    }
    assertThat(digests.values()).as("each digest once").allMatch(n -> n == 1);
    if (digestDue) {
      assertThat(digests).as("the scheduled digest").hasSize(1);
    }
  }

  @Test
  @Order(4)
  void aStaffLoginAndAFormsCsrfTokenFromOneServerWorkOnTheOther() {
    StaffSession onOne = StaffSession.admin(one);
    StaffSession onTwo = onOne.on(two.baseUrl());
    System.out.println("Two servers: cookies after logging in on one " + onOne.cookieNames());

    assertThat(onTwo.call("GET", "/api/session").statusCode())
        .as("the login of server one, used on server two")
        .isEqualTo(200);

    // The root-cause form: it needs nothing but its CSRF token, a code and a label.
    HttpResponse<String> page = onOne.getPage("/app/root-causes");
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body(), one.baseUrl());
    Element form =
        html.select("form[method=post]").stream()
            .filter(f -> f.attr("action").endsWith("/app/root-causes"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no root-cause form on /app/root-causes"));
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    assertThat(fields).containsKey("_csrf");
    String code = "TWO_SERVERS_" + (System.nanoTime() % 1_000_000);
    fields.put("code", code);
    fields.put("label", "Raised on server two " + code);
    HttpResponse<String> created = onTwo.postForm("/app/root-causes", fields);
    assertThat(created.statusCode())
        .as("server two accepts server one's CSRF token: " + created.body())
        .isEqualTo(303);
    assertThat(created.headers().firstValue("Location").orElse(""))
        .as("the form's outcome")
        .contains("notice=");
    assertThat(onOne.call("GET", "/api/followup/root-causes").body()).contains(code);

    assertThat(onTwo.call("DELETE", "/api/session").statusCode()).isEqualTo(204);
    assertThat(onOne.call("GET", "/api/session").statusCode())
        .as("after logging out on server two, the cookie on server one")
        .isEqualTo(401);
  }

  private long reminders(String subject) {
    return smtp.countsByRecipientAndSubject().entrySet().stream()
        .filter(e -> e.getKey().endsWith(" " + subject))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private long escalations(String managerEmail) {
    return smtp.countsByRecipientAndSubject().entrySet().stream()
        .filter(e -> e.getKey().startsWith(managerEmail + " Overdue"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static Map<String, String> tokensOf(Map<String, String> byRecipient, String prefix) {
    Map<String, String> tokens = new LinkedHashMap<>();
    byRecipient.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> tokens.put(e.getKey(), e.getValue()));
    return tokens;
  }

  private static List<String> contactIdsWithPrefix(StaffSession admin, String prefix) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<JsonObject> items =
          admin
              .send("GET", "/api/contacts?size=200&page=" + page, null, 200)
              .getJsonArray("items")
              .getValuesAs(JsonObject.class);
      if (items.isEmpty()) {
        return ids;
      }
      items.stream()
          .filter(c -> c.getString("email", "").startsWith(prefix))
          .forEach(c -> ids.add(c.getString("id")));
    }
  }

  private static void awaitCount(FaultDatabase db, String sql, String parameter, long expected) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    long count;
    do {
      count = db.count(sql, parameter);
      if (count >= expected) {
        return;
      }
      FaultServer.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(sql + ": " + count + ", expected " + expected);
  }

  private void awaitOutboxDrained() {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Observed.Readiness readiness;
    do {
      readiness = Observed.readiness(one);
      if (readiness.outbox().getJsonNumber("pending").longValue() == 0) {
        return;
      }
      FaultServer.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the outbox did not empty: " + readiness.outbox());
  }

  /** Requests per upstream address as nginx logged them (upstream=127.0.0.1:PORT). */
  private Map<String, Long> requestsPerUpstream() {
    Map<String, Long> counts = new HashMap<>();
    try {
      Matcher upstream =
          Pattern.compile("upstream=(127\\.0\\.0\\.1:\\d+)")
              .matcher(Files.readString(nginx.accessLog()));
      while (upstream.find()) {
        counts.merge(upstream.group(1), 1L, Long::sum);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + nginx.accessLog(), e);
    }
    return counts;
  }

  private static List<String> errorLines(String messages) {
    List<String> lines = new ArrayList<>();
    Matcher error = ERROR_LINE.matcher(messages);
    while (error.find()) {
      lines.add(error.group());
    }
    return lines;
  }
}
