package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.ListenerProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every listener's progress, read from the database so it counts every server's work, in two
 * queries shared for a second by health, metrics and the report pages however often they ask.
 */
@ApplicationScoped
public class EventLogProgress {
  private static final long SNAPSHOT_MILLIS = 1000;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;

  private final AtomicReference<Timed> last = new AtomicReference<>();

  private record Timed(long at, Map<String, ListenerProgress> listeners) {}

  public Map<String, ListenerProgress> snapshot() {
    long now = clock.millis();
    Timed cached = last.get();
    if (cached == null || now - cached.at() >= SNAPSHOT_MILLIS || now < cached.at()) {
      cached = new Timed(now, read());
      last.set(cached);
    }
    return cached.listeners();
  }

  /** Forgets the cached figures, so the next read is current (after this server applied some). */
  void invalidate() {
    last.set(null);
  }

  private Map<String, ListenerProgress> read() {
    Map<String, long[]> queued = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> counts =
        em.createNativeQuery(
                "SELECT listener, SUM(CASE WHEN parked_at IS NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN parked_at IS NULL THEN 0 ELSE 1 END),"
                    + " MIN(CASE WHEN parked_at IS NULL THEN created_at ELSE NULL END)"
                    + " FROM plt_event GROUP BY listener")
            .getResultList();
    for (Object[] row : counts) {
      queued.put(
          (String) row[0],
          new long[] {asLong(row[1]), asLong(row[2]), row[3] == null ? -1 : asLong(row[3])});
    }
    @SuppressWarnings("unchecked")
    List<Object[]> listeners =
        em.createNativeQuery(
                "SELECT listener, last_event_at, last_applied_at, failures, last_error"
                    + " FROM plt_event_listener ORDER BY listener")
            .getResultList();
    Map<String, ListenerProgress> progress = new LinkedHashMap<>();
    for (Object[] row : listeners) {
      String name = (String) row[0];
      long[] q = queued.getOrDefault(name, new long[] {0, 0, -1});
      progress.put(
          name,
          new ListenerProgress(
              name,
              q[0],
              q[1],
              q[2] < 0 ? null : q[2],
              row[1] == null ? null : asLong(row[1]),
              row[2] == null ? null : asLong(row[2]),
              (int) asLong(row[3]),
              (String) row[4],
              q[1] == 0 ? null : newestParkedError(name)));
    }
    return progress;
  }

  private String newestParkedError(String listener) {
    List<?> errors =
        em.createNativeQuery(
                "SELECT last_error FROM plt_event WHERE listener = ? AND parked_at IS NOT NULL"
                    + " ORDER BY seq DESC")
            .setParameter(1, listener)
            .setMaxResults(1)
            .getResultList();
    return errors.isEmpty() ? null : (String) errors.get(0);
  }

  private static long asLong(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
