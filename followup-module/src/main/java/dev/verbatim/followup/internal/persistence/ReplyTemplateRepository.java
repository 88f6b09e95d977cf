package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.internal.domain.ReplyTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reply templates. */
@ApplicationScoped
public class ReplyTemplateRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** Every template by name. */
  public List<ReplyTemplate> all() {
    return em.createQuery("SELECT t FROM ReplyTemplate t ORDER BY t.name", ReplyTemplate.class)
        .getResultList();
  }

  /** The template, or null. */
  public ReplyTemplate find(String id) {
    return em.find(ReplyTemplate.class, id);
  }

  /** The templates with this name. */
  public List<ReplyTemplate> named(String name) {
    return em.createQuery("SELECT t FROM ReplyTemplate t WHERE t.name = :n", ReplyTemplate.class)
        .setParameter("n", name)
        .getResultList();
  }

  public void add(ReplyTemplate template) {
    em.persist(template);
  }

  public void remove(ReplyTemplate template) {
    em.remove(template);
  }
}
