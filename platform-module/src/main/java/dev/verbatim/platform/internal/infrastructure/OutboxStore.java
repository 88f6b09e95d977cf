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
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject MailSettings settings;

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
              .setParameter("lease", now + settings.leaseMillis())
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

  /**
   * @return whether the message was given up (FAILED) rather than scheduled for a retry
   */
  @Transactional
  public boolean markFailed(
      String id, String error, boolean permanent, long retryDelayMillis, int maxAttempts) {
    OutboxMessage message = em.find(OutboxMessage.class, id);
    boolean giveUp = permanent || message.attempts() + 1 >= maxAttempts;
    message.markFailed(error, giveUp, clock.millis() + retryDelayMillis);
    return giveUp;
  }

  @Transactional
  public long countByStatus(String status) {
    return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :s", Long.class)
        .setParameter("s", status)
        .getSingleResult();
  }

  /** One query for health and metrics; reads without a transaction, like any report. */
  public OutboxSnapshot snapshot() {
    long now = clock.millis();
    Object[] row =
        em.createQuery(
                "SELECT SUM(CASE WHEN m.status = :pending THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN m.status = :pending AND m.attempts > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN m.status = :failed THEN 1 ELSE 0 END),"
                    + " MIN(CASE WHEN m.status = :pending THEN m.createdAt ELSE NULL END),"
                    + " MIN(CASE WHEN m.status = :pending AND m.attempts > 0 THEN m.nextAttemptAt"
                    + " ELSE NULL END),"
                    + " MAX(CASE WHEN m.status = :pending THEN m.attempts ELSE 0 END)"
                    + " FROM OutboxMessage m",
                Object[].class)
            .setParameter("pending", OutboxMessage.PENDING)
            .setParameter("failed", OutboxMessage.FAILED)
            .getSingleResult();
    return OutboxSnapshot.of(row, now);
  }
}
