package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.ModuleEventListener;
import dev.verbatim.platform.api.UnreadableEventException;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Delivers one listener's events: batch after batch in log order while full batches come back. When
 * a batch fails, its events are applied one at a time, so the event at fault is known and what
 * precedes it is not held up. That event is retried with backoff, and parked with its error after
 * {@code maxAttempts}; an unreadable one is parked at once. It is never dropped silently and never
 * retried forever.
 */
final class EventDelivery {
  private static final Logger LOG = Logger.getLogger(EventDelivery.class.getName());

  private final EventQueue queue;
  private final LongSupplier clock;
  private final EventLogSettings.Limits limits;

  EventDelivery(EventQueue queue, LongSupplier clock, EventLogSettings.Limits limits) {
    this.queue = queue;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * @return how many events were applied
   */
  int drain(ModuleEventListener listener) {
    int applied = 0;
    int failuresSoFar;
    while ((failuresSoFar = queue.lease(listener.name(), clock.getAsLong())) >= 0) {
      List<QueuedEvent> batch = queue.next(listener.name(), limits.batchSize());
      if (batch.isEmpty()) {
        return applied;
      }
      try {
        queue.apply(listener, batch, clock.getAsLong());
        applied += batch.size();
      } catch (LeaseLostException lost) {
        return applied;
      } catch (RuntimeException failed) {
        return applied + oneAtATime(listener, batch, failuresSoFar, failed);
      }
      if (batch.size() < limits.batchSize()) {
        return applied;
      }
    }
    return applied;
  }

  private int oneAtATime(
      ModuleEventListener listener,
      List<QueuedEvent> batch,
      int failuresSoFar,
      RuntimeException batchFailure) {
    if (batch.size() == 1) {
      failed(listener, batch.get(0), failuresSoFar, batchFailure);
      return 0;
    }
    int applied = 0;
    for (QueuedEvent event : batch) {
      try {
        queue.apply(listener, List.of(event), clock.getAsLong());
        applied++;
      } catch (LeaseLostException lost) {
        return applied;
      } catch (RuntimeException failed) {
        if (!failed(listener, event, failuresSoFar, failed)) {
          return applied;
        }
      }
    }
    return applied;
  }

  /**
   * @return whether the event was parked, so the listener can go on with the next
   */
  private boolean failed(
      ModuleEventListener listener, QueuedEvent event, int failuresSoFar, RuntimeException e) {
    long now = clock.getAsLong();
    String error = describe(e);
    boolean unreadable = causedBy(e, UnreadableEventException.class);
    if (unreadable || event.attempts() + 1 >= limits.maxAttempts()) {
      LOG.severe(
          () ->
              "Event "
                  + event.event().seq()
                  + " ("
                  + event.event().type()
                  + ") parked for listener "
                  + listener.name()
                  + (unreadable ? "" : " after " + (event.attempts() + 1) + " attempts")
                  + ": "
                  + error);
      queue.park(listener.name(), event, error, now);
      return true;
    }
    long delay = limits.retryDelayMillis(failuresSoFar);
    LOG.warning(
        () ->
            "Listener "
                + listener.name()
                + " failed on event "
                + event.event().seq()
                + " ("
                + event.event().type()
                + ", attempt "
                + (event.attempts() + 1)
                + " of "
                + limits.maxAttempts()
                + "), next attempt in "
                + delay
                + " ms: "
                + error);
    queue.retryLater(listener.name(), event, error, now + delay);
    return false;
  }

  static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message, which names what went wrong rather than the transaction wrapping it. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof UnreadableEventException) {
        break;
      }
      root = root.getCause();
    }
    String text = root.getClass().getSimpleName() + ": " + root.getMessage();
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
