package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import java.util.List;

/** Delivers a batch of outbox messages; reports the outcome of each one. */
interface MailTransport {

  List<DeliveryResult> deliver(List<OutboxMessage> batch);

  /**
   * @param error null when delivered; {@code permanent} means retrying cannot help (bad address)
   * @param recipientRefused the receiving server refused the recipient for good (a hard bounce)
   */
  record DeliveryResult(
      OutboxMessage message, String error, boolean permanent, boolean recipientRefused) {
    DeliveryResult(OutboxMessage message, String error, boolean permanent) {
      this(message, error, permanent, false);
    }

    static DeliveryResult delivered(OutboxMessage message) {
      return new DeliveryResult(message, null, false);
    }

    boolean ok() {
      return error == null;
    }
  }
}
