package dev.verbatim.platform.internal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The statements of {@link JpaJobLeases}, each in a transaction of its own. */
@ApplicationScoped
public class JobLeaseRows {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** Renews this server's lease or takes one that ran out. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean renewOrTake(String job, String owner, long now, long until) {
    return em.createNativeQuery(
                "UPDATE plt_job_lease SET owner_id = ?, lease_until = ?"
                    + " WHERE job_name = ? AND (owner_id = ? OR lease_until < ?)")
            .setParameter(1, owner)
            .setParameter(2, until)
            .setParameter(3, job)
            .setParameter(4, owner)
            .setParameter(5, now)
            .executeUpdate()
        == 1;
  }

  /**
   * @return true when the job had no row yet; false (or a duplicate-key failure) when it had
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean insert(String job, String owner, long until) {
    boolean exists =
        !em.createNativeQuery("SELECT 1 FROM plt_job_lease WHERE job_name = ?")
            .setParameter(1, job)
            .getResultList()
            .isEmpty();
    if (exists) {
      return false;
    }
    em.createNativeQuery(
            "INSERT INTO plt_job_lease (job_name, owner_id, lease_until) VALUES (?, ?, ?)")
        .setParameter(1, job)
        .setParameter(2, owner)
        .setParameter(3, until)
        .executeUpdate();
    return true;
  }
}
