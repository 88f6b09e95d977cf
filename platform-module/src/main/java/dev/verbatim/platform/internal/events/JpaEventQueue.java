package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ModuleEvent;
import dev.verbatim.platform.api.ModuleEventListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collections;
import java.util.List;

/**
 * The log's tables (plt_event, plt_event_listener), one transaction per step. A listener's lease is
 * a conditional UPDATE of its row that only one server wins; {@link #apply} renews it first, which
 * also locks that row until the batch commits, so two servers never apply one listener's events at
 * once, even when a lease runs out mid-batch.
 */
@ApplicationScoped
public class JpaEventQueue implements EventQueue {
  private static final int SEQS_PER_STATEMENT = 100;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject EventLogSettings settings;

  /** This server, as the lease owner; a new one at every start. */
  private final String owner = Ids.newId();

  /** Creates the listener's row if it has none (a server that loses the race finds the other's). */
  @Transactional(TxType.REQUIRES_NEW)
  public void register(String listener) {
    if (!sql("SELECT 1 FROM plt_event_listener WHERE listener = ?", listener)
        .getResultList()
        .isEmpty()) {
      return;
    }
    sql(
            "INSERT INTO plt_event_listener (listener, lease_until, applied, failures,"
                + " next_attempt_at) VALUES (?, 0, 0, 0, 0)",
            listener)
        .executeUpdate();
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public int lease(String listener, long now) {
    int won =
        sql(
                "UPDATE plt_event_listener SET lease_owner = ?, lease_until = ? WHERE listener = ?"
                    + " AND next_attempt_at <= ? AND (lease_owner = ? OR lease_until < ?)",
                owner,
                now + settings.leaseMillis(),
                listener,
                now,
                owner,
                now)
            .executeUpdate();
    if (won == 0) {
      return -1;
    }
    return ((Number)
            sql("SELECT failures FROM plt_event_listener WHERE listener = ?", listener)
                .getSingleResult())
        .intValue();
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public List<QueuedEvent> next(String listener, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        sql(
                "SELECT seq, event_id, event_type, aggregate_id, payload, created_at, attempts"
                    + " FROM plt_event WHERE listener = ? AND parked_at IS NULL ORDER BY seq",
                listener)
            .setMaxResults(max)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new QueuedEvent(
                    new ModuleEvent(
                        (String) r[1],
                        ((Number) r[0]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).longValue()),
                    ((Number) r[6]).intValue()))
        .toList();
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void apply(ModuleEventListener listener, List<QueuedEvent> events, long now) {
    String name = listener.name();
    int held =
        sql(
                "UPDATE plt_event_listener SET lease_until = ? WHERE listener = ? AND lease_owner = ?",
                now + settings.leaseMillis(),
                name,
                owner)
            .executeUpdate();
    if (held == 0) {
      throw new LeaseLostException(name);
    }
    listener.apply(events.stream().map(QueuedEvent::event).toList());
    int removed = 0;
    for (int from = 0; from < events.size(); from += SEQS_PER_STATEMENT) {
      List<QueuedEvent> chunk =
          events.subList(from, Math.min(events.size(), from + SEQS_PER_STATEMENT));
      Query delete =
          em.createNativeQuery(
              "DELETE FROM plt_event WHERE listener = ? AND seq IN ("
                  + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                  + ")");
      delete.setParameter(1, name);
      for (int i = 0; i < chunk.size(); i++) {
        delete.setParameter(i + 2, chunk.get(i).event().seq());
      }
      removed += delete.executeUpdate();
    }
    if (removed != events.size()) {
      throw new IllegalStateException(
          "listener "
              + name
              + " applied "
              + events.size()
              + " events but "
              + removed
              + " were queued");
    }
    long newest = events.stream().mapToLong(e -> e.event().createdAt()).max().orElse(now);
    sql(
            "UPDATE plt_event_listener SET applied = applied + ?, last_event_at = ?,"
                + " last_applied_at = ?, failures = 0, next_attempt_at = 0, last_error = NULL"
                + " WHERE listener = ?",
            (long) events.size(),
            newest,
            now,
            name)
        .executeUpdate();
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void retryLater(String listener, QueuedEvent event, String error, long retryAt) {
    sql(
            "UPDATE plt_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
            error,
            event.event().seq())
        .executeUpdate();
    sql(
            "UPDATE plt_event_listener SET failures = failures + 1, next_attempt_at = ?,"
                + " last_error = ? WHERE listener = ?",
            retryAt,
            error,
            listener)
        .executeUpdate();
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void park(String listener, QueuedEvent event, String error, long now) {
    sql(
            "UPDATE plt_event SET attempts = attempts + 1, last_error = ?, parked_at = ?"
                + " WHERE seq = ?",
            error,
            now,
            event.event().seq())
        .executeUpdate();
  }

  private Query sql(String statement, Object... parameters) {
    Query query = em.createNativeQuery(statement);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }
}
