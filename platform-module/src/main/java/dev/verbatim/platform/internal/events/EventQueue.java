package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.ModuleEventListener;
import java.util.List;

/**
 * The transactional steps of delivering one listener's events, each its own transaction. Kept as an
 * interface so that {@link EventDelivery}'s order, retry and parking rules are tested without a
 * database, and against the real one through {@link JpaEventQueue}.
 */
interface EventQueue {
  /**
   * Takes or renews this server's lease on the listener.
   *
   * @return the listener's failed attempts in a row (0 after a success), or -1 when it is not this
   *     server's to apply now: another server holds it, or it waits for its next retry
   */
  int lease(String listener, long now);

  /** The oldest events not yet applied and not parked, in log order. */
  List<QueuedEvent> next(String listener, int max);

  /**
   * Applies the events and marks them applied in one transaction: both commit or neither.
   *
   * @throws LeaseLostException when the lease passed to another server meanwhile
   */
  void apply(ModuleEventListener listener, List<QueuedEvent> events, long now);

  /** Counts a failed attempt on the event and makes the listener wait until {@code retryAt}. */
  void retryLater(String listener, QueuedEvent event, String error, long retryAt);

  /** Sets the event aside with its error; the listener goes on with the next one. */
  void park(String listener, QueuedEvent event, String error, long now);
}
