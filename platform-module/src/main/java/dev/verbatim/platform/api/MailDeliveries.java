package dev.verbatim.platform.api;

import java.util.Collection;
import java.util.Map;

/** What became of queued mail, looked up by the Message-IDs {@link Outbox#enqueue} returned. */
public interface MailDeliveries {

  /** QUEUED: waiting or retrying; SENT: accepted by the mail server; FAILED: given up. */
  enum Delivery {
    QUEUED,
    SENT,
    FAILED
  }

  /** Counts per outcome for these Message-IDs (ids the outbox does not know are not counted). */
  Map<Delivery, Long> count(Collection<String> messageIds);
}
