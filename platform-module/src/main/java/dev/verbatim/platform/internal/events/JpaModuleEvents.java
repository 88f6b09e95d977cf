package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ListenerProgress;
import dev.verbatim.platform.api.ModuleEvents;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Writes events into the business transaction and starts their delivery once it commits. */
@ApplicationScoped
public class JpaModuleEvents implements ModuleEvents {
  /** The payload column's size. */
  static final int MAX_PAYLOAD_CHARS = 32_000;

  private static final Object DELIVER_AFTER_COMMIT = new Object();

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject EventListeners listeners;
  @Inject EventDispatcher dispatcher;
  @Inject EventLogProgress progress;
  @Inject Clock clock;

  @Resource TransactionSynchronizationRegistry transaction;

  private final Jsonb jsonb = JsonbBuilder.create();

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void publish(String type, String aggregateId, Object payload) {
    var takers = listeners.takers(type);
    if (takers.isEmpty()) {
      return;
    }
    String json = jsonb.toJson(payload);
    if (json.length() > MAX_PAYLOAD_CHARS) {
      throw new IllegalArgumentException(
          "a " + type + " event of " + json.length() + " characters exceeds " + MAX_PAYLOAD_CHARS);
    }
    String eventId = Ids.newId();
    long now = clock.millis();
    for (String listener : takers) {
      em.createNativeQuery(
              "INSERT INTO plt_event (event_id, listener, event_type, aggregate_id, payload,"
                  + " created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)")
          .setParameter(1, eventId)
          .setParameter(2, listener)
          .setParameter(3, type)
          .setParameter(4, aggregateId)
          .setParameter(5, json)
          .setParameter(6, now)
          .executeUpdate();
    }
    deliverAfterCommit();
  }

  /** Locks the listener's row, which every batch updates first (see {@link JpaEventQueue}). */
  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void hold(String listener) {
    em.createNativeQuery(
            "UPDATE plt_event_listener SET lease_until = lease_until WHERE listener = ?")
        .setParameter(1, listener)
        .executeUpdate();
  }

  @Override
  public Optional<ListenerProgress> progress(String listener) {
    return Optional.ofNullable(progress.snapshot().get(listener));
  }

  /** One synchronization per transaction, however many events it publishes. */
  private void deliverAfterCommit() {
    if (transaction.getResource(DELIVER_AFTER_COMMIT) != null) {
      return;
    }
    transaction.putResource(DELIVER_AFTER_COMMIT, Boolean.TRUE);
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              dispatcher.deliverAfterCommit();
            }
          }
        });
  }
}
