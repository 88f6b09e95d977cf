package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's transactional steps. A claim is a lease (an UPDATE that only one server can win), so
 * several servers can drain one database; a crashed sender's lease simply expires.
 */
@ApplicationScoped
public class OutboxStore {
  static final long LEASE_MILLIS = 120_000;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;

  @Transactional
  public List<OutboxMessage> claimDue(int max) {
    long now = clock.millis();
    List<String> candidates =
        em.createQuery(
                "SELECT m.id FROM OutboxMessage m WHERE m.status = :pending AND m.nextAttemptAt <= :now"
                    + " AND (m.leaseUntil IS NULL OR m.leaseUntil < :now) ORDER BY m.createdAt",
                String.class)
            .setParameter("pending", OutboxMessage.PENDING)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    List<OutboxMessage> claimed = new ArrayList<>();
    for (String id : candidates) {
      int won =
          em.createQuery(
                  "UPDATE OutboxMessage m SET m.leaseUntil = :lease WHERE m.id = :id AND m.status = :pending"
                      + " AND (m.leaseUntil IS NULL OR m.leaseUntil < :now)")
              .setParameter("lease", now + LEASE_MILLIS)
              .setParameter("id", id)
              .setParameter("pending", OutboxMessage.PENDING)
              .setParameter("now", now)
              .executeUpdate();
      if (won == 1) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        em.detach(message);
        claimed.add(message);
      }
    }
    return claimed;
  }

  /**
   * Marks a delivered batch sent in one transaction: one durable commit for the batch instead of
   * one per message, which bounded the drain by the disk's sync rate.
   */
  @Transactional
  public void markSent(List<String> ids) {
    long now = clock.millis();
    for (String id : ids) {
      em.find(OutboxMessage.class, id).markSent(now);
    }
  }

  @Transactional
  public void markFailed(
      String id, String error, boolean permanent, long retryDelayMillis, int maxAttempts) {
    OutboxMessage message = em.find(OutboxMessage.class, id);
    boolean giveUp = permanent || message.attempts() + 1 >= maxAttempts;
    message.markFailed(error, giveUp, clock.millis() + retryDelayMillis);
  }

  @Transactional
  public long countByStatus(String status) {
    return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :s", Long.class)
        .setParameter("s", status)
        .getSingleResult();
  }
}
