package it.distribution;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.support.ItEnvironment;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * GreenMail as both the SMTP server Verbatim sends to and the IMAP server of its bounce mailbox
 * ({@code bounces@localhost}, see src/it/liberty/server.env). Gives the raw MIME messages, headers
 * included.
 */
final class SurveyMail implements AutoCloseable {
  static final String BOUNCE_MAILBOX = "bounces@localhost";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final GreenMail greenMail;

  private SurveyMail(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  static SurveyMail start() {
    GreenMail greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(ItEnvironment.smtpPort(), "localhost", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort(), "localhost", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.start();
    greenMail.setUser(BOUNCE_MAILBOX, BOUNCE_MAILBOX, "it-bounces-password");
    // The reply mailbox the follow-up poller reads, so that it does not log failed logins.
    greenMail.setUser("replies@localhost", "replies@localhost", "it-replies-password");
    return new SurveyMail(greenMail);
  }

  static int imapPort() {
    return Integer.parseInt(System.getProperty("verbatim.imapPort", "3143"));
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** Waits for the {@code count}-th message to {@code recipient} and returns all so far. */
  List<MimeMessage> await(String recipient, int count) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<MimeMessage> found = to(recipient);
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " mail(s) to " + recipient + " within 30 s, got " + found.size());
      }
      greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
    }
  }

  MimeMessage awaitOne(String recipient) throws Exception {
    return await(recipient, 1).get(0);
  }

  List<MimeMessage> to(String recipient) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      Address[] all = message.getAllRecipients();
      for (Address a : all == null ? new Address[0] : all) {
        if (((InternetAddress) a).getAddress().equalsIgnoreCase(recipient)) {
          found.add(message);
        }
      }
    }
    return found;
  }

  /** Puts a mail into the bounce mailbox, as the MTA does with a report for the envelope sender. */
  void deliverBounce(String raw) throws Exception {
    MimeMessage message =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    greenMail.getUserManager().getUser(BOUNCE_MAILBOX).deliver(message);
  }
}
