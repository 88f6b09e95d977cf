package dev.verbatim.platform.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryLanesTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static List<OutboxMessage> batch(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                leasedForAnHour(
                    new OutboxMessage(
                        "id-" + i,
                        "<m" + i + "@acme.example>",
                        OutboundMail.of(
                            "invitation",
                            "c" + i + "@example.com",
                            "Customer " + i,
                            "How did we do?",
                            "Please answer. ".repeat(400),
                            "<p>Please answer.</p>".repeat(400)),
                        0)))
        .toList();
  }

  /** As claimed by OutboxStore.claimDue, whose lease UPDATE is the only writer of the column. */
  private static OutboxMessage leasedForAnHour(OutboxMessage message) {
    return leaseFor(message, 3_600_000);
  }

  private static OutboxMessage leaseFor(OutboxMessage message, long millisLeft) {
    try {
      Field lease = OutboxMessage.class.getDeclaredField("leaseUntil");
      lease.setAccessible(true);
      lease.set(message, System.currentTimeMillis() + millisLeft);
      return message;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hands out the batches in order, then nothing. */
  private static Supplier<List<OutboxMessage>> claims(List<List<OutboxMessage>> batches) {
    Iterator<List<OutboxMessage>> next = new ArrayList<>(batches).iterator();
    return () -> {
      synchronized (next) {
        return next.hasNext() ? next.next() : List.of();
      }
    };
  }

  private final List<MailTransport.DeliveryResult> recorded =
      Collections.synchronizedList(new ArrayList<>());

  @Test
  void fourConnectionsDeliverEveryMessageOnceOverSmtpWithItsMessageIdAndStayOpenAcrossBatches()
      throws Exception {
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
    greenMail.start();
    try {
      SmtpMailTransport smtp = smtpTo(greenMail);
      List<OutboxMessage> all = batch(450);
      AtomicInteger opened = new AtomicInteger();

      new DeliveryLanes(
              () -> {
                opened.incrementAndGet();
                return smtp.connection();
              },
              4,
              executor,
              recorded::addAll)
          .drain(
              claims(List.of(all.subList(0, 200), all.subList(200, 400), all.subList(400, 450))),
              200);

      assertThat(recorded).allMatch(MailTransport.DeliveryResult::ok);
      assertThat(recorded).extracting(r -> r.message().id()).hasSize(450).doesNotHaveDuplicates();
      assertThat(opened).as("connections opened for three batches").hasValue(4);
      assertThat(greenMail.waitForIncomingEmail(10_000, 450)).isTrue();
      MimeMessage[] received = greenMail.getReceivedMessages();
      assertThat(Arrays.stream(received).map(DeliveryLanesTest::messageId))
          .hasSize(450)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              all.stream().map(OutboxMessage::messageId).collect(Collectors.toList()));
    } finally {
      greenMail.stop();
    }
  }

  @Test
  void aConnectionThatBrokeIsOpenedAgainForTheNextShare() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    greenMail.start();
    List<OutboxMessage> messages = batch(3);
    try (MailTransport connection = smtpTo(greenMail).connection()) {
      assertThat(connection.deliver(messages.subList(0, 1)))
          .allMatch(MailTransport.DeliveryResult::ok);
      greenMail.stop();

      assertThat(connection.deliver(messages.subList(1, 2)))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.ok()).isFalse();
                assertThat(r.permanent()).isFalse();
                assertThat(r.relayUnreachable()).isTrue();
                assertThat(r.error()).startsWith("SMTP unavailable");
              });

      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
      greenMail.start();
      assertThat(connection.deliver(messages.subList(2, 3)))
          .allMatch(MailTransport.DeliveryResult::ok);
      assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
      assertThat(messageId(greenMail.getReceivedMessages()[0]))
          .isEqualTo(messages.get(2).messageId());
    } finally {
      greenMail.stop();
    }
  }

  @Test
  void nothingDueOpensNoConnection() {
    AtomicInteger opened = new AtomicInteger();
    new DeliveryLanes(
            () -> {
              opened.incrementAndGet();
              return share -> List.of();
            },
            4,
            executor,
            recorded::addAll)
        .drain(List::of, 200);

    assertThat(opened).hasValue(0);
    assertThat(recorded).isEmpty();
  }

  @Test
  void aLaneSendsItsNextShareWhileAnotherLaneIsStillRecording() {
    List<OutboxMessage> all = batch(40);
    CountDownLatch secondBatchSent = new CountDownLatch(1);
    Set<String> secondBatch =
        all.subList(20, 40).stream().map(OutboxMessage::id).collect(Collectors.toSet());
    Consumer<List<MailTransport.DeliveryResult>> recorder =
        results -> {
          if (results.get(0).message().id().equals("id-0")) {
            // The first lane's commit is slow: it finishes only once the other lane has gone on
            // to the second batch, which a run that waited for every lane between batches never
            // does.
            await(secondBatchSent);
          }
          recorded.addAll(results);
        };
    MailTransport lane =
        share -> {
          if (secondBatch.contains(share.get(0).id())) {
            secondBatchSent.countDown();
          }
          return share.stream().map(MailTransport.DeliveryResult::delivered).toList();
        };

    new DeliveryLanes(() -> lane, 2, executor, recorder)
        .drain(claims(List.of(all.subList(0, 20), all.subList(20, 40))), 20);

    assertThat(secondBatchSent.getCount()).isZero();
    assertThat(recorded).extracting(r -> r.message().id()).hasSize(40).doesNotHaveDuplicates();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other lane went on").isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SmtpMailTransport smtpTo(GreenMail greenMail) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    properties.put("mail.smtp.socketFactory.class", NoDelaySocketFactory.class.getName());
    SmtpMailTransport smtp = new SmtpMailTransport();
    smtp.session = Session.getInstance(properties);
    MailSettings settings = new MailSettings();
    settings.smtpHost = Optional.of("127.0.0.1");
    settings.fromAddress = "feedback@acme.example";
    settings.fromName = "Verbatim";
    settings.leaseSeconds = 120;
    smtp.settings = settings;
    smtp.clock = Clock.systemUTC();
    smtp.mimeMessages = new MimeMessages();
    smtp.mimeMessages.settings = settings;
    return smtp;
  }

  @Test
  void aShareStopsAtTheFirstMessageWhoseLeaseIsNearlyOverAndLeavesTheRestUnsent() throws Exception {
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
    greenMail.start();
    try {
      List<OutboxMessage> batch = new ArrayList<>(batch(6));
      // A slow server used up the lease of the last three: 20 s left of 120 s, under a quarter.
      for (OutboxMessage late : batch.subList(3, 6)) {
        leaseFor(late, 20_000);
      }

      List<MailTransport.DeliveryResult> results;
      try (MailTransport connection = smtpTo(greenMail).connection()) {
        results = connection.deliver(batch);
      }

      assertThat(results).extracting(r -> r.message().id()).containsExactly("id-0", "id-1", "id-2");
      assertThat(results).allMatch(MailTransport.DeliveryResult::ok);
      assertThat(greenMail.waitForIncomingEmail(5_000, 3)).isTrue();
      Thread.sleep(300);
      assertThat(greenMail.getReceivedMessages()).hasSize(3);
    } finally {
      greenMail.stop();
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSharesAreSentAtTheSameTimeEachMessageInExactlyOne() {
    CountDownLatch allConnected = new CountDownLatch(4);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Integer> shareSizes = Collections.synchronizedList(new ArrayList<>());
    MailTransport connection =
        share -> {
          shareSizes.add(share.size());
          allConnected.countDown();
          // Each share waits for the others: only passes if all four run at once.
          await(allConnected);
          share.forEach(m -> assertThat(seen.add(m.id())).isTrue());
          return share.stream().map(MailTransport.DeliveryResult::delivered).toList();
        };

    new DeliveryLanes(() -> connection, 4, executor, recorded::addAll)
        .drain(claims(List.of(batch(198))), 200);

    assertThat(shareSizes).containsExactlyInAnyOrder(49, 49, 50, 50);
    assertThat(seen).hasSize(198);
    assertThat(recorded).extracting(r -> r.message().id()).hasSize(198).doesNotHaveDuplicates();
  }

  @Test
  void aSmallBatchUsesOneConnection() {
    assertThat(DeliveryLanes.shares(batch(12), 4)).hasSize(1);
    assertThat(DeliveryLanes.shares(batch(45), 4))
        .extracting(List::size)
        .containsExactly(11, 11, 11, 12);
  }

  @Test
  void whenOneLaneFailsTheOtherLanesResultsAreStillRecorded() {
    CountDownLatch allTaken = new CountDownLatch(4);
    MailTransport connection =
        share -> {
          allTaken.countDown();
          await(allTaken);
          if (share.get(0).id().equals("id-0")) {
            throw new IllegalStateException("connection pool exploded");
          }
          return share.stream().map(MailTransport.DeliveryResult::delivered).toList();
        };

    assertThatThrownBy(
            () ->
                new DeliveryLanes(() -> connection, 4, executor, recorded::addAll)
                    .drain(claims(List.of(batch(100))), 200))
        .isInstanceOf(DeliveryLanes.LaneFailed.class)
        .hasRootCauseMessage("connection pool exploded");
    assertThat(recorded).hasSize(75).allMatch(MailTransport.DeliveryResult::ok);
    assertThat(recorded).extracting(r -> r.message().id()).doesNotContain("id-0");
  }

  @Test
  void smtpSocketsSendSmallPiecesWithoutWaitingForAcknowledgements() throws Exception {
    try (Socket socket = NoDelaySocketFactory.getDefault().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }
}
