package dev.verbatim.platform.api;

/**
 * Fired (synchronously, outside any transaction) when the receiving server permanently refused a
 * recipient at send time (an SMTP 5xx reply): sending to that address again cannot succeed.
 *
 * @param recipient the refused address
 * @param messageId the Message-ID the outbox gave the mail ({@link Outbox#enqueue})
 * @param reason the server's reply, for people to read
 */
public record MailBounced(String recipient, String messageId, String reason) {}
