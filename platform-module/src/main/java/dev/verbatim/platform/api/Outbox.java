package dev.verbatim.platform.api;

/**
 * The only way to send mail. {@link #enqueue} writes the message in the caller's transaction, so it
 * is sent if and only if the business change commits; a sender drains the outbox over SMTP.
 */
public interface Outbox {

  /**
   * Queues a message inside the current transaction.
   *
   * @return the stable Message-ID the message will carry (for threading replies)
   */
  String enqueue(OutboundMail mail);
}
