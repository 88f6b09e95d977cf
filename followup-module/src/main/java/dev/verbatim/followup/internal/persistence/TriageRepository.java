package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.internal.domain.TriageMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Inbound mails kept for a person to read (TriageMail). */
@ApplicationScoped
public class TriageRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  public void add(TriageMail mail) {
    em.persist(mail);
  }

  /** The triaged mail, or null. */
  public TriageMail find(String id) {
    return em.find(TriageMail.class, id);
  }

  /** The open ones, newest first (at most 200). */
  public List<TriageMail> open() {
    return em.createQuery(
            "SELECT t FROM TriageMail t WHERE t.status = :s ORDER BY t.receivedAt DESC",
            TriageMail.class)
        .setParameter("s", TriageMail.OPEN)
        .setMaxResults(200)
        .getResultList();
  }

  /** How many triaged mails have this Message-ID. */
  public long withMessageId(String messageId) {
    return em.createQuery("SELECT COUNT(t) FROM TriageMail t WHERE t.messageId = :id", Long.class)
        .setParameter("id", messageId)
        .getSingleResult();
  }
}
