package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.Suppression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Addresses that get no more mail (svy_suppression), by email key. */
@ApplicationScoped
public class SuppressionRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** The suppression of this email key, or null. */
  public Suppression find(String emailKey) {
    return em.find(Suppression.class, emailKey);
  }

  public void add(Suppression suppression) {
    em.persist(suppression);
  }

  /** The suppressions among these email keys (a list of at most a few hundred). */
  public List<Suppression> among(List<String> emailKeys) {
    return em.createQuery(
            "SELECT s FROM Suppression s WHERE s.emailKey IN :keys", Suppression.class)
        .setParameter("keys", emailKeys)
        .getResultList();
  }
}
