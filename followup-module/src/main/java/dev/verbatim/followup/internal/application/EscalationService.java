package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.persistence.CaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Inject CaseRepository cases;

  @Inject Clock clock;
  @Inject CaseEscalator escalator;

  /**
   * @return how many escalations (case and level) were made
   */
  public int escalateOverdue() {
    long now = clock.millis();
    List<String> candidates = cases.overdueBelowLastLevel(now);
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
