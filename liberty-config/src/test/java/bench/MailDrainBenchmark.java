package bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.platform.internal.infrastructure.NoDelaySocketFactory;
import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.ItEnvironment;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import load.MailSink;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: the outbox drain rate to a loopback SMTP server (GreenMail in this JVM, keeping
 * nothing) against raw Jakarta Mail {@code Transport.sendMessage} of as many copies of the same
 * invitation on as many reused connections as the drainer uses, in one run. The mails are queued
 * all at once: N contacts get an attribute, and a distribution scheduled a few seconds ahead to
 * that audience is sent by the server's scheduler in one transaction, so the drain is timed from
 * the first mail to the last with the whole queue waiting. Measures the Derby server and then the
 * PostgreSQL server in one run ({@link BenchServer}) and prints the ratio PostgreSQL/Derby. Run
 * with {@code mvn -Pbench verify -Dbenchmark=MailDrainBenchmark}.
 */
class MailDrainBenchmark {
  private static final int MAILS = Integer.getInteger("benchmark.mails", 5_000);

  /** As many reused connections as the server's drainer ({@code verbatim.outbox.connections}). */
  private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 4);

  /** One server's drain next to raw sending. */
  private record Drain(BenchServer server, double drainRate, double rawRate) {}

  @Test
  void outboxDrainNextToRawJakartaMail() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%nMail drain benchmark: %,d mails, Derby database %s; servers %s%nstart: %s%n",
        MAILS,
        System.getProperty("benchmark.database", "?"),
        BenchServer.configured(),
        ServerProcess.uptime());
    List<Drain> drains = new ArrayList<>();
    for (BenchServer server : BenchServer.configured()) {
      drains.add(drain(server.select()));
    }
    if (drains.size() == 2) {
      Drain derby = drains.get(0);
      Drain pg = drains.get(1);
      System.out.printf(
          Locale.ROOT,
          "%nPostgreSQL / Derby, one after the other in this run%n"
              + "| mails | Derby drain mails/s (raw) | PostgreSQL drain mails/s (raw) |"
              + " ratio PostgreSQL/Derby, drain | same, raw |%n"
              + "|---|---|---|---|---|%n| %,d | %,.0f (%,.0f) | %,.0f (%,.0f) | %.2f | %.2f |%n",
          MAILS,
          derby.drainRate(),
          derby.rawRate(),
          pg.drainRate(),
          pg.rawRate(),
          pg.drainRate() / derby.drainRate(),
          pg.rawRate() / derby.rawRate());
    }
  }

  private static Drain drain(BenchServer target) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%n== %s: %s at %s (SMTP sink on %d)%n%s%n",
        target.label(),
        target.serverName(),
        target.baseUrl(),
        target.smtpPort(),
        target.durability());
    ApiClient admin = ApiClient.admin();
    String run = Names.suffix();
    ApiClient manager = StaffMember.create(admin, "manager", "Drain Manager " + run).logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Drain Owner " + run));
    String title = "Drain " + run;
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
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
      manager.postJson("/api/contacts/bulk", contacts).expectStatus(200);
    }

    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    AtomicLong count = new AtomicLong();
    AtomicReference<MimeMessage> sample = new AtomicReference<>();
    String prefix = "drain." + run + ".";
    Optional<ProcessHandle> server =
        ServerProcess.pid(target.serverName()).flatMap(ProcessHandle::of);
    AtomicReference<CpuSeconds> atFirst = new AtomicReference<>();
    try (MailSink sink = MailSink.start(ItEnvironment.smtpPort())) {
      sink.onMessage(
          (recipient, message) -> {
            if (recipient.startsWith(prefix)) {
              long now = System.nanoTime();
              if (first.compareAndSet(0, now)) {
                atFirst.set(CpuSeconds.of(server));
              }
              last.accumulateAndGet(now, Math::max);
              count.incrementAndGet();
              sample.compareAndSet(null, message);
            }
          });
      manager
          .postJson(
              "/api/surveys/" + surveyId + "/distributions",
              Map.of(
                  "audience",
                  "drainrun = d" + run,
                  "scheduledAt",
                  Instant.now().plusSeconds(3).toString()))
          .expectStatus(201);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      long seen = -1;
      long progressAt = System.nanoTime();
      while (count.get() < MAILS && System.nanoTime() < deadline) {
        if (count.get() != seen) {
          seen = count.get();
          progressAt = System.nanoTime();
        } else if (seen > 0 && System.nanoTime() - progressAt > TimeUnit.SECONDS.toNanos(60)) {
          break;
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
      assertThat(count.get()).as("invitations delivered").isEqualTo(MAILS);
      double drainSeconds = (last.get() - first.get()) / 1e9;
      double drainRate = (MAILS - 1) / drainSeconds;
      CpuSeconds drainCpu = CpuSeconds.of(server).minus(atFirst.get());
      String heap = ServerProcess.heap(target.serverName());
      String rss = ServerProcess.rss(target.serverName());

      sink.onMessage(null);
      long before = sink.delivered();
      CpuSeconds beforeRaw = CpuSeconds.of(server);
      double rawSeconds = sendRaw(sample.get(), MAILS, CONNECTIONS);
      CpuSeconds rawCpu = CpuSeconds.of(server).minus(beforeRaw);
      assertThat(sink.delivered() - before).isEqualTo(MAILS);
      double rawRate = MAILS / rawSeconds;

      System.out.printf(
          Locale.ROOT,
          "%n%s%n| mails | outbox drain mails/s | raw sendMessage mails/s (%d connections) | ratio |%n"
              + "|---|---|---|---|%n| %,d | %,.0f (%.1f s) | %,.0f (%.1f s) | %.2f |%n",
          target.label(),
          CONNECTIONS,
          MAILS,
          drainRate,
          drainSeconds,
          rawRate,
          rawSeconds,
          drainRate / rawRate);
      System.out.printf(
          Locale.ROOT,
          "%nCPU per mail, server / this JVM (SMTP sink, and the raw sender):"
              + " drain %.2f / %.2f ms, raw %.2f / %.2f ms%n",
          drainCpu.server() * 1e3 / MAILS,
          drainCpu.benchmark() * 1e3 / MAILS,
          rawCpu.server() * 1e3 / MAILS,
          rawCpu.benchmark() * 1e3 / MAILS);
      System.out.printf(
          Locale.ROOT,
          "%nserver after the drain: %s%nRSS: %s%nend: %s%n",
          heap,
          rss,
          ServerProcess.uptime());
      return new Drain(target, drainRate, rawRate);
    }
  }

  /** CPU time used so far by the server process and by this JVM (the sink runs in it). */
  private record CpuSeconds(double server, double benchmark) {
    static CpuSeconds of(Optional<ProcessHandle> server) {
      return new CpuSeconds(seconds(server), seconds(Optional.of(ProcessHandle.current())));
    }

    private static double seconds(Optional<ProcessHandle> process) {
      return process
          .flatMap(p -> p.info().totalCpuDuration())
          .map(d -> d.toMillis() / 1e3)
          .orElse(Double.NaN);
    }

    CpuSeconds minus(CpuSeconds earlier) {
      return new CpuSeconds(server - earlier.server, benchmark - earlier.benchmark);
    }
  }

  /**
   * Copies of {@code template} to fresh recipients over {@code connections} reused SMTP connections
   * at once, with TCP_NODELAY as the server's mail session; seconds taken.
   */
  private static double sendRaw(MimeMessage template, int n, int connections) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(ItEnvironment.smtpPort()));
    properties.put("mail.smtp.socketFactory", NoDelaySocketFactory.getDefault());
    Session session = Session.getInstance(properties);
    ExecutorService executor = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int from = c * n / connections;
        int to = (c + 1) * n / connections;
        senders.add(
            executor.submit(
                () -> {
                  sendOver(session, new MimeMessage(template), from, to);
                  return null;
                }));
      }
      for (Future<?> sender : senders) {
        sender.get();
      }
    } finally {
      executor.shutdown();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void sendOver(Session session, MimeMessage message, int from, int to)
      throws Exception {
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (int i = from; i < to; i++) {
        InternetAddress recipient = new InternetAddress("raw." + i + "@example.com");
        message.setRecipient(Message.RecipientType.TO, recipient);
        message.saveChanges();
        message.setHeader("Message-ID", "<raw-" + i + "-" + System.nanoTime() + "@bench>");
        transport.sendMessage(message, new InternetAddress[] {recipient});
      }
    }
  }
}
