package it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SMTP server Verbatim delivers to (GreenMail on {@code verbatim.smtpPort}). One per test
 * class; tests find "their" messages by recipient, since other tests in the class send mail too.
 * Waiting uses GreenMail's own wait for the next message, never a fixed sleep.
 */
public final class Mailbox implements AutoCloseable {
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

  private final GreenMail greenMail;

  private Mailbox(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** Starts an SMTP-only GreenMail on the port the server sends to. */
  public static Mailbox start() {
    GreenMail greenMail =
        new GreenMail(
            new ServerSetup(ItEnvironment.smtpPort(), "localhost", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return new Mailbox(greenMail);
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** Waits for the first message to {@code recipient} whose subject is {@code subject}. */
  public ReceivedMail awaitMail(String recipient, String subject) {
    return awaitMails(recipient, m -> subject.equals(m.subject()), 1, "'" + subject + "'").get(0);
  }

  /**
   * Waits until {@code count} messages to {@code recipient} match, and returns them in arrival
   * order.
   */
  public List<ReceivedMail> awaitMails(
      String recipient, Predicate<ReceivedMail> matching, int count, String description) {
    long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
    while (true) {
      MimeMessage[] received = greenMail.getReceivedMessages();
      List<ReceivedMail> found = new ArrayList<>();
      for (MimeMessage message : received) {
        ReceivedMail mail = ReceivedMail.of(message);
        if (mail.isTo(recipient) && matching.test(mail)) {
          found.add(mail);
        }
      }
      if (found.size() >= count) {
        return found;
      }
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMillis <= 0) {
        throw new AssertionError(
            "expected "
                + count
                + " mail(s) "
                + description
                + " to "
                + recipient
                + " within "
                + DEFAULT_WAIT.toSeconds()
                + " s, found "
                + found.size()
                + "; all received:"
                + ReceivedMail.describe(received));
      }
      greenMail.waitForIncomingEmail(leftMillis, received.length + 1);
    }
  }

  /**
   * The raw MIME source, as it arrived, of every message received so far whose headers name {@code
   * recipient}.
   */
  public List<String> rawMimeTo(String recipient) {
    List<String> raw = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      if (ReceivedMail.of(message).isTo(recipient)) {
        raw.add(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message));
      }
    }
    return raw;
  }

  /**
   * Whether the SMTP server accepted any message for {@code address} as an envelope recipient
   * (GreenMail creates a mailbox for every address it delivers to, whatever the headers say).
   */
  public boolean deliveredTo(String address) {
    return greenMail.getUserManager().getUserByEmail(address) != null;
  }

  /** Every message received so far to {@code recipient} (no waiting). */
  public List<ReceivedMail> mailsTo(String recipient) {
    List<ReceivedMail> found = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      ReceivedMail mail = ReceivedMail.of(message);
      if (mail.isTo(recipient)) {
        found.add(mail);
      }
    }
    return found;
  }
}
