package dev.verbatim.platform.api;

import java.util.Optional;

/**
 * The durable module-event log. A module publishes a fact in its own transaction; after commit each
 * {@link ModuleEventListener} that takes the event's type receives it in a transaction of its own,
 * in order per aggregate and at least once, while the listener's writes and the log's record that
 * it applied the event commit together (so each event takes effect once per listener).
 */
public interface ModuleEvents {
  /**
   * Writes the event in the caller's transaction (there must be one), once for each listener that
   * takes {@code type}; nothing is delivered if that transaction rolls back.
   *
   * @param aggregateId what the event is about (a response, a case): its events arrive in the order
   *     they were published, as long as the publisher holds that aggregate's row lock
   * @param payload a record, written as JSON; listeners read it with {@link ModuleEvent#read}
   */
  void publish(String type, String aggregateId, Object payload);

  /**
   * Holds the listener's deliveries until the caller's transaction ends, and waits for a batch in
   * flight to commit first: for work that must see and write the listener's tables alone (a
   * recompute of what it keeps).
   */
  void hold(String listener);

  /** How far a listener has got; empty for a name no listener has. */
  Optional<ListenerProgress> progress(String listener);
}
