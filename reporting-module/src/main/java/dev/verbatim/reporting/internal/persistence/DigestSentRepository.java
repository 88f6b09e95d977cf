package dev.verbatim.reporting.internal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The digest periods sent (rpt_digest_sent), one row per period. */
@ApplicationScoped
public class DigestSentRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /**
   * Records the period as sent unless it was: true when the caller's transaction holds it. {@code
   * LOCK TABLE ... IN EXCLUSIVE MODE} is the same statement in Derby and PostgreSQL and lasts until
   * the transaction ends, so the check and the insert of the competing runs never interleave.
   */
  public boolean claim(String periodKey, long now) {
    em.createNativeQuery("LOCK TABLE rpt_digest_sent IN EXCLUSIVE MODE").executeUpdate();
    if (!em.createNativeQuery("SELECT 1 FROM rpt_digest_sent WHERE period_key = ?")
        .setParameter(1, periodKey)
        .getResultList()
        .isEmpty()) {
      return false;
    }
    em.createNativeQuery("INSERT INTO rpt_digest_sent (period_key, sent_at) VALUES (?, ?)")
        .setParameter(1, periodKey)
        .setParameter(2, now)
        .executeUpdate();
    return true;
  }
}
