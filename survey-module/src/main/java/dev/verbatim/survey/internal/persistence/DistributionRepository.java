package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Distribution;
import dev.verbatim.survey.internal.domain.DistributionSkip;
import dev.verbatim.survey.internal.domain.SkipReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Distributions (sends of a survey to an audience) and the contacts each one skipped. */
@ApplicationScoped
public class DistributionRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** A skipped contact with the reason. */
  public record Skipped(DistributionSkip skip, Contact contact) {}

  /** Adds the distribution and writes it at once: the invitations' foreign key needs its row. */
  public void addNow(Distribution distribution) {
    em.persist(distribution);
    em.flush();
  }

  public void addSkip(DistributionSkip skip) {
    em.persist(skip);
  }

  /** The distribution, or null. */
  public Distribution find(String distributionId) {
    return em.find(Distribution.class, distributionId);
  }

  /** The distribution as the database has it now (another server may have changed it). */
  public Distribution findFresh(String distributionId) {
    Distribution distribution = em.find(Distribution.class, distributionId);
    em.refresh(distribution);
    return distribution;
  }

  /** Scheduled distributions due at {@code now}, earliest first. */
  public List<String> dueIds(long now) {
    return em.createQuery(
            "SELECT d.id FROM Distribution d WHERE d.state = :scheduled AND d.scheduledAt <= :now"
                + " ORDER BY d.scheduledAt",
            String.class)
        .setParameter("scheduled", Distribution.SCHEDULED)
        .setParameter("now", now)
        .getResultList();
  }

  /**
   * Marks a due scheduled distribution sent unless another server did: true when this transaction
   * won it (a conditional update).
   */
  public boolean claimDue(String distributionId, long now) {
    int won =
        em.createQuery(
                "UPDATE Distribution d SET d.state = :sent WHERE d.id = :id"
                    + " AND d.state = :scheduled AND d.scheduledAt <= :now")
            .setParameter("sent", Distribution.SENT)
            .setParameter("id", distributionId)
            .setParameter("scheduled", Distribution.SCHEDULED)
            .setParameter("now", now)
            .executeUpdate();
    return won != 0;
  }

  /** The survey's distributions, newest first. */
  public List<Distribution> ofSurvey(String surveyId) {
    return em.createQuery(
            "SELECT d FROM Distribution d WHERE d.surveyId = :s ORDER BY d.createdAt DESC",
            Distribution.class)
        .setParameter("s", surveyId)
        .getResultList();
  }

  /** How many contacts the distribution skipped, per reason. */
  public Map<SkipReason, Long> skipsByReason(String distributionId) {
    Map<SkipReason, Long> byReason = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT s.reason, COUNT(s) FROM DistributionSkip s WHERE s.distributionId = :d"
                    + " GROUP BY s.reason",
                Object[].class)
            .setParameter("d", distributionId)
            .getResultList()) {
      byReason.put((SkipReason) row[0], ((Number) row[1]).longValue());
    }
    return byReason;
  }

  /** The first {@code limit} skipped contacts, by email. */
  public List<Skipped> skipped(String distributionId, int limit) {
    return em
        .createQuery(
            "SELECT s, c FROM DistributionSkip s, Contact c WHERE s.distributionId = :d"
                + " AND c.id = s.contactId ORDER BY c.emailKey",
            Object[].class)
        .setParameter("d", distributionId)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new Skipped((DistributionSkip) row[0], (Contact) row[1]))
        .toList();
  }
}
