package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.ListenerProgress;
import java.util.Collection;
import java.util.List;

/** The whole log's figures, summed over its listeners. */
record EventLogTotals(
    long backlog, long parked, long oldestWaitingSeconds, List<ListenerProgress> failing) {

  static EventLogTotals of(Collection<ListenerProgress> listeners, long now) {
    long backlog = 0;
    long parked = 0;
    long oldest = now;
    for (ListenerProgress listener : listeners) {
      backlog += listener.backlog();
      parked += listener.parked();
      if (listener.oldestWaitingAt() != null) {
        oldest = Math.min(oldest, listener.oldestWaitingAt());
      }
    }
    List<ListenerProgress> failing =
        listeners.stream().filter(listener -> listener.failures() > 0).toList();
    return new EventLogTotals(backlog, parked, Math.max(0, now - oldest) / 1000, failing);
  }
}
