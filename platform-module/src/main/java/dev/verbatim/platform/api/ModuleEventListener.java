package dev.verbatim.platform.api;

import java.util.List;
import java.util.Set;

/**
 * Receives module events after they commit (see {@link ModuleEvents}). A CDI bean implementing it
 * is found at start-up. {@link #apply} runs in a transaction of the log's: when it returns, the
 * events are marked applied in the same commit; when it throws, nothing of the batch stays and the
 * log retries with backoff, one event at a time, until the event that fails is known.
 */
public interface ModuleEventListener {
  /** A stable name (at most 60 characters): the log keeps the listener's queue under it. */
  String name();

  /** The event types it takes; events of other types are never written for it. */
  Set<String> types();

  /**
   * Applies a batch, oldest first. Must not call back into the module that published the events:
   * everything it needs is in the payload.
   *
   * @throws UnreadableEventException when a payload cannot be read: that event is parked at once
   */
  void apply(List<ModuleEvent> events);
}
