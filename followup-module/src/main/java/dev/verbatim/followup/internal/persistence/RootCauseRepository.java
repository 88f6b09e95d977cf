package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.internal.domain.RootCause;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The root-cause taxonomy. */
@ApplicationScoped
public class RootCauseRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** Every entry, active or not, in the order the close form offers them. */
  public List<RootCause> all() {
    return em.createQuery("SELECT r FROM RootCause r ORDER BY r.position, r.code", RootCause.class)
        .getResultList();
  }

  /** The active entries, in order. */
  public List<RootCause> active() {
    return em.createQuery(
            "SELECT r FROM RootCause r WHERE r.active = :yes ORDER BY r.position, r.code",
            RootCause.class)
        .setParameter("yes", true)
        .getResultList();
  }

  /** The entry, or null. */
  public RootCause find(String code) {
    return em.find(RootCause.class, code);
  }

  /** The last position taken, null when the list is empty. */
  public Integer lastPosition() {
    return em.createQuery("SELECT MAX(r.position) FROM RootCause r", Integer.class)
        .getSingleResult();
  }

  public void add(RootCause rootCause) {
    em.persist(rootCause);
  }
}
