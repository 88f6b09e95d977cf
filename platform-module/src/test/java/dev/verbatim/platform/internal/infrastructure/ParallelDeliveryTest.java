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
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelDeliveryTest {
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

  @Test
  void fourConnectionsDeliverEveryMessageOnceOverSmtpWithItsMessageId() throws Exception {
    GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
    greenMail.start();
    try {
      SmtpMailTransport smtp = smtpTo(greenMail);
      List<OutboxMessage> batch = batch(200);

      List<MailTransport.DeliveryResult> results =
          new ParallelDelivery(smtp, 4, executor).deliver(batch);

      assertThat(results).allMatch(MailTransport.DeliveryResult::ok);
      assertThat(results).extracting(r -> r.message().id()).hasSize(200).doesNotHaveDuplicates();
      assertThat(greenMail.waitForIncomingEmail(10_000, 200)).isTrue();
      MimeMessage[] received = greenMail.getReceivedMessages();
      assertThat(Arrays.stream(received).map(ParallelDeliveryTest::messageId))
          .hasSize(200)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              batch.stream().map(OutboxMessage::messageId).collect(Collectors.toList()));
    } finally {
      greenMail.stop();
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

      List<MailTransport.DeliveryResult> results = smtpTo(greenMail).deliver(batch);

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
    List<Integer> shareSizes = new ArrayList<>();
    MailTransport transport =
        share -> {
          synchronized (shareSizes) {
            shareSizes.add(share.size());
          }
          allConnected.countDown();
          try {
            // Each share waits for the others: only passes if all four run at once.
            assertThat(allConnected.await(10, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          share.forEach(m -> assertThat(seen.add(m.id())).isTrue());
          return share.stream().map(MailTransport.DeliveryResult::delivered).toList();
        };

    List<MailTransport.DeliveryResult> results =
        new ParallelDelivery(transport, 4, executor).deliver(batch(198));

    assertThat(shareSizes).containsExactlyInAnyOrder(49, 49, 50, 50);
    assertThat(seen).hasSize(198);
    assertThat(results).extracting(r -> r.message().id()).hasSize(198).doesNotHaveDuplicates();
  }

  @Test
  void aSmallBatchUsesOneConnection() {
    assertThat(ParallelDelivery.shares(batch(12), 4)).hasSize(1);
    assertThat(ParallelDelivery.shares(batch(45), 4))
        .extracting(List::size)
        .containsExactly(11, 11, 11, 12);
  }

  @Test
  void whenOneShareFailsTheOthersResultsAreStillHandedBackToBeMarkedSent() {
    MailTransport transport =
        share -> {
          if (share.get(0).id().equals("id-0")) {
            throw new IllegalStateException("connection pool exploded");
          }
          return share.stream().map(MailTransport.DeliveryResult::delivered).toList();
        };

    assertThatThrownBy(() -> new ParallelDelivery(transport, 4, executor).deliver(batch(100)))
        .isInstanceOfSatisfying(
            ParallelDelivery.ShareFailed.class,
            e -> assertThat(e.completed()).hasSize(75).allMatch(MailTransport.DeliveryResult::ok));
  }

  @Test
  void smtpSocketsSendSmallPiecesWithoutWaitingForAcknowledgements() throws Exception {
    try (Socket socket = NoDelaySocketFactory.getDefault().createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }
}
