package dev.verbatim.platform.api;

import java.util.Objects;

/**
 * A message to queue in the outbox. Customer-supplied text may appear in the bodies but never in
 * {@code subject}, {@code toName} or other header values without {@link #headerSafe} having cleaned
 * it.
 *
 * @param to recipient address
 * @param toName display name of the recipient (may be null)
 * @param subject subject line
 * @param textBody plain-text alternative (always present)
 * @param htmlBody HTML alternative (may be null)
 * @param replyTo Reply-To address (may be null)
 * @param inReplyTo Message-ID this answers, for threading (may be null)
 * @param kind what the mail is for (invitation, notification, reply...), for the mailbox and
 *     metrics
 * @param senderName display name in From instead of the configured one (may be null)
 * @param unsubscribeUrl https link for RFC 8058 one-click unsubscribe: sets {@code
 *     List-Unsubscribe} and {@code List-Unsubscribe-Post} (may be null)
 */
public record OutboundMail(
    String to,
    String toName,
    String subject,
    String textBody,
    String htmlBody,
    String replyTo,
    String inReplyTo,
    String kind,
    String senderName,
    String unsubscribeUrl) {

  public OutboundMail {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(textBody, "textBody");
    toName = headerSafe(toName);
    subject = headerSafe(subject);
    senderName = headerSafe(senderName);
    if (unsubscribeUrl != null && !unsubscribeUrl.matches("https?://[^\\s<>,]+")) {
      throw new IllegalArgumentException("unsubscribeUrl must be an http(s) URL without spaces");
    }
  }

  public OutboundMail(
      String to,
      String toName,
      String subject,
      String textBody,
      String htmlBody,
      String replyTo,
      String inReplyTo,
      String kind) {
    this(to, toName, subject, textBody, htmlBody, replyTo, inReplyTo, kind, null, null);
  }

  public static OutboundMail of(
      String kind, String to, String toName, String subject, String text, String html) {
    return new OutboundMail(to, toName, subject, text, html, null, null, kind);
  }

  public OutboundMail threadedAfter(String messageId, String replyToAddress) {
    return new OutboundMail(
        to,
        toName,
        subject,
        textBody,
        htmlBody,
        replyToAddress,
        messageId,
        kind,
        senderName,
        unsubscribeUrl);
  }

  /** The same mail from {@code name} (the address stays the configured sender's). */
  public OutboundMail sentAs(String name) {
    return new OutboundMail(
        to, toName, subject, textBody, htmlBody, replyTo, inReplyTo, kind, name, unsubscribeUrl);
  }

  /** The same mail with one-click unsubscribe headers pointing at {@code url}. */
  public OutboundMail unsubscribableAt(String url) {
    return new OutboundMail(
        to, toName, subject, textBody, htmlBody, replyTo, inReplyTo, kind, senderName, url);
  }

  /**
   * Removes line breaks and control characters so that a value can never start a new mail header.
   */
  public static String headerSafe(String value) {
    if (value == null) {
      return null;
    }
    String cleaned = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
  }
}
