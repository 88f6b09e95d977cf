package dev.verbatim.followup.internal.domain;

import java.util.List;

/**
 * A mail read from the reply mailbox, already decoded to text.
 *
 * @param messageId its Message-ID (may be null: some mailers omit it)
 * @param sender the From address (may be null when the header is unreadable)
 * @param subject the subject (may be null)
 * @param recipients every address in To, Cc and Delivered-To
 * @param referencedIds the message ids from In-Reply-To and References
 * @param text the body as plain text, quotes not yet stripped, attachments noted
 */
public record InboundMail(
    String messageId,
    String sender,
    String subject,
    List<String> recipients,
    List<String> referencedIds,
    String text) {
  /** What is stored of one inbound mail at most; the rest is cut with a note. */
  public static final int MAX_STORED = 10_000;

  public InboundMail {
    recipients = List.copyOf(recipients);
    referencedIds = List.copyOf(referencedIds);
    text = text == null ? "" : text;
    messageId = cut(messageId, 200);
    sender = cut(sender, 300);
    subject = cut(subject, 300);
  }

  /** The text cut to {@code max} characters, with a note saying how much was left out. */
  public static String capped(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String note = "\n[truncated: the mail had " + text.length() + " characters]";
    return text.substring(0, max - note.length()) + note;
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
