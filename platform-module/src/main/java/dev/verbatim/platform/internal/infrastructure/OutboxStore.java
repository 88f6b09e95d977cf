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
  private static final int IDS_PER_STATEMENT = 100;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject MailSettings settings;

  /**
   * Leases up to {@code max} due messages, the longest due first. The candidates' ids come from the
   * due index ({@code status, next_attempt_at}) in its own order, so nothing is sorted; each lease
   * is its own conditional UPDATE, so a row another server leased meanwhile is skipped; only the
   * rows won are then read whole. (Reading every due row whole and sorting it by creation time made
   * Derby sort the bodies of the whole queue on every claim: a fifth of the drain's CPU in the mail
   * drain benchmark.)
   */
  @Transactional
  public List<OutboxMessage> claimDue(int max) {
    long now = clock.millis();
    List<String> candidates =
        em.createQuery(
                "SELECT m.id FROM OutboxMessage m WHERE m.status = :pending"
                    + " AND m.nextAttemptAt <= :now AND (m.leaseUntil IS NULL OR m.leaseUntil < :now)"
                    + " ORDER BY m.nextAttemptAt",
                String.class)
            .setParameter("pending", OutboxMessage.PENDING)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    long lease = now + settings.leaseMillis();
    List<String> won = new ArrayList<>();
    for (String id : candidates) {
      int leased =
          em.createQuery(
                  "UPDATE OutboxMessage m SET m.leaseUntil = :lease WHERE m.id = :id AND m.status = :pending"
                      + " AND (m.leaseUntil IS NULL OR m.leaseUntil < :now)")
              .setParameter("lease", lease)
              .setParameter("id", id)
              .setParameter("pending", OutboxMessage.PENDING)
              .setParameter("now", now)
              .executeUpdate();
      if (leased == 1) {
        won.add(id);
      }
    }
    List<OutboxMessage> claimed = new ArrayList<>(won.size());
    for (int from = 0; from < won.size(); from += IDS_PER_STATEMENT) {
      claimed.addAll(
          em.createQuery("SELECT m FROM OutboxMessage m WHERE m.id IN :ids", OutboxMessage.class)
              .setParameter(
                  "ids", won.subList(from, Math.min(won.size(), from + IDS_PER_STATEMENT)))
              .getResultList());
    }
    em.clear();
    return claimed;
  }

  /**
   * Marks a delivered batch sent in one transaction and a few statements: one durable commit for
   * the batch instead of one per message, which bounded the drain by the disk's sync rate.
   */
  @Transactional
  public void markSent(List<String> ids) {
    long now = clock.millis();
    for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
      em.createQuery(
              "UPDATE OutboxMessage m SET m.status = :sent, m.sentAt = :now, m.leaseUntil = NULL,"
                  + " m.lastError = NULL WHERE m.id IN :ids")
          .setParameter("sent", OutboxMessage.SENT)
          .setParameter("now", now)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)))
          .executeUpdate();
    }
  }

  /**
   * Puts mail that could not be attempted because the relay was unreachable back in the queue until
   * {@code retryAt}, in a few statements. Such an attempt is counted but never gives a mail up: the
   * mail did nothing wrong.
   */
  @Transactional
  public void markRelayUnreachable(List<String> ids, String error, long retryAt) {
    String reason = OutboxMessage.lastErrorText(error);
    for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
      em.createQuery(
              "UPDATE OutboxMessage m SET m.attempts = m.attempts + 1, m.lastError = :error,"
                  + " m.leaseUntil = NULL, m.nextAttemptAt = :retryAt"
                  + " WHERE m.id IN :ids AND m.status = :pending")
          .setParameter("error", reason)
          .setParameter("retryAt", retryAt)
          .setParameter("pending", OutboxMessage.PENDING)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)))
          .executeUpdate();
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

  /**
   * One query for health and metrics; reads without a transaction, like any report. Native SQL, so
   * the NULLs stay literals: EclipseLink binds a JPQL NULL as a VARCHAR parameter, which PostgreSQL
   * refuses beside a BIGINT in a CASE.
   */
  public OutboxSnapshot snapshot() {
    long now = clock.millis();
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT SUM(CASE WHEN status = ? THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = ? AND attempts > 0 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = ? THEN 1 ELSE 0 END),"
                        + " MIN(CASE WHEN status = ? THEN created_at ELSE NULL END),"
                        + " MIN(CASE WHEN status = ? AND attempts > 0 THEN next_attempt_at"
                        + " ELSE NULL END),"
                        + " MAX(CASE WHEN status = ? THEN attempts ELSE 0 END)"
                        + " FROM plt_outbox")
                .setParameter(1, OutboxMessage.PENDING)
                .setParameter(2, OutboxMessage.PENDING)
                .setParameter(3, OutboxMessage.FAILED)
                .setParameter(4, OutboxMessage.PENDING)
                .setParameter(5, OutboxMessage.PENDING)
                .setParameter(6, OutboxMessage.PENDING)
                .getSingleResult();
    return OutboxSnapshot.of(row, now);
  }
}
