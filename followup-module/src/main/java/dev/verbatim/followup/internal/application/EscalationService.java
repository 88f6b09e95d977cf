package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.CaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Nothing overdue is silent: finds OPEN cases past their due time and escalates each one in a
 * transaction of its own (so one failing case does not hold back the others).
 */
@ApplicationScoped
public class EscalationService {
  private static final Logger LOG = Logger.getLogger(EscalationService.class.getName());

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject CaseEscalator escalator;

  /**
   * @return how many escalations (case and level) were made
   */
  public int escalateOverdue() {
    long now = clock.millis();
    List<String> candidates =
        em.createQuery(
                "SELECT c.id FROM FollowupCase c WHERE c.status = :open AND c.dueAt < :now"
                    + " AND c.escalationLevel < 2 ORDER BY c.dueAt",
                String.class)
            .setParameter("open", CaseStatus.OPEN)
            .setParameter("now", now)
            .getResultList();
    int escalations = 0;
    for (String caseId : candidates) {
      try {
        escalations += escalator.escalate(caseId, now);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not escalate case " + caseId + "; will retry", e);
      }
    }
    return escalations;
  }
}
