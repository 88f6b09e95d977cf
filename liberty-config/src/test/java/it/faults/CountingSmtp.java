package it.faults;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import load.MailSink;

/**
 * The SMTP server the fault server delivers to: the shared {@link MailSink} (keeps nothing), here
 * counting every Message-ID it receives and reading the personal link out of each invitation. The
 * test takes it down and brings it back (an SMTP outage); counts run across outages.
 */
public final class CountingSmtp implements AutoCloseable {
  private static final Pattern SURVEY_TOKEN =
      Pattern.compile("/s/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

  private final int port;
  private final Map<String, Integer> messageIds = new ConcurrentHashMap<>();
  private final Map<String, String> tokensByRecipient = new ConcurrentHashMap<>();
  private final Map<String, Integer> byRecipientAndSubject = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private volatile String invitationSubject = "";
  private MailSink sink;

  public CountingSmtp(int port) {
    this.port = port;
  }

  public synchronized CountingSmtp start() {
    sink = MailSink.start(port);
    sink.onMessage(this::receive);
    return this;
  }

  /**
   * Takes the SMTP server down: the fault server's connections are refused until {@link #start}.
   */
  public synchronized void stop() {
    if (sink != null) {
      sink.close();
      sink = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** From now on, links are read from mails with this subject (the survey's title). */
  public void readInvitationsWithSubject(String subject) {
    invitationSubject = subject;
  }

  /** The personal link token of each invitation received, by recipient. */
  public Map<String, String> tokensByRecipient() {
    return new HashMap<>(tokensByRecipient);
  }

  /** How many times each Message-ID arrived. */
  public Map<String, Integer> messageIdCounts() {
    return new HashMap<>(messageIds);
  }

  /**
   * How many mails arrived per recipient and subject, keyed {@code "<recipient> <subject>"}: a mail
   * sent twice under two Message-IDs (two servers composing the same reminder) counts twice here.
   */
  public Map<String, Integer> countsByRecipientAndSubject() {
    return new HashMap<>(byRecipientAndSubject);
  }

  public long received() {
    return received.get();
  }

  /** Waits until at least {@code count} messages arrived in all; returns how many did. */
  public long awaitAtLeast(long count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.get() < count && System.nanoTime() < deadline) {
      FaultServer.sleep(100);
    }
    return received.get();
  }

  private void receive(String recipient, MimeMessage message) {
    try {
      messageIds.merge(String.valueOf(message.getMessageID()), 1, Integer::sum);
      byRecipientAndSubject.merge(recipient + " " + message.getSubject(), 1, Integer::sum);
      if (invitationSubject.equals(message.getSubject())) {
        Matcher link = SURVEY_TOKEN.matcher(text(message));
        if (link.find()) {
          tokensByRecipient.put(recipient, link.group(1));
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable message to " + recipient, e);
    } finally {
      received.incrementAndGet();
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    StringBuilder text = new StringBuilder();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(text(multipart.getBodyPart(i)));
      }
    }
    return text.toString();
  }
}
