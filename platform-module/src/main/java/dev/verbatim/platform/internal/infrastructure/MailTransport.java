package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import java.util.List;

/**
 * What one sender delivers outbox messages over (an SMTP connection, the mail catcher): share after
 * share, until it is closed; reports the outcome of each message.
 */
interface MailTransport extends AutoCloseable {

  List<DeliveryResult> deliver(List<OutboxMessage> share);

  /** Releases the connection, if there is one; never fails. */
  @Override
  default void close() {}

  /**
   * @param error null when delivered; {@code permanent} means retrying cannot help (bad address)
   * @param recipientRefused the receiving server refused the recipient for good (a hard bounce)
   * @param relayUnreachable not attempted: the connection to the relay could not be opened or broke
   */
  record DeliveryResult(
      OutboxMessage message,
      String error,
      boolean permanent,
      boolean recipientRefused,
      boolean relayUnreachable) {
    DeliveryResult(OutboxMessage message, String error, boolean permanent) {
      this(message, error, permanent, false, false);
    }

    DeliveryResult(
        OutboxMessage message, String error, boolean permanent, boolean recipientRefused) {
      this(message, error, permanent, recipientRefused, false);
    }

    static DeliveryResult relayUnreachable(OutboxMessage message, String error) {
      return new DeliveryResult(message, error, false, false, true);
    }

    static DeliveryResult delivered(OutboxMessage message) {
      return new DeliveryResult(message, null, false);
    }

    boolean ok() {
      return error == null;
    }
  }
}
