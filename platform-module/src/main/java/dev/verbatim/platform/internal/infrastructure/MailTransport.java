package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import java.util.List;

/** Delivers a batch of outbox messages; reports the outcome of each one. */
interface MailTransport {

  List<DeliveryResult> deliver(List<OutboxMessage> batch);

  /**
   * @param error null when delivered; {@code permanent} means retrying cannot help (bad address)
   */
  record DeliveryResult(OutboxMessage message, String error, boolean permanent) {
    static DeliveryResult delivered(OutboxMessage message) {
      return new DeliveryResult(message, null, false);
    }

    boolean ok() {
      return error == null;
    }
  }
}
