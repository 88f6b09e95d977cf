package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.api.CaseChanged;
import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ModuleEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Writes and reads the audit trail; every change to a case records who, what and when, and tells
 * other modules (reports) that the case changed.
 */
@ApplicationScoped
public class CaseAudit {
  @Inject CaseRepository cases;

  @Inject Clock clock;

  @Inject ModuleEvents events;

  /** Records an event now, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String caseId, String actorId, String kind, String detail) {
    recordAt(caseId, actorId, kind, detail, clock.millis());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAt(String caseId, String actorId, String kind, String detail, long at) {
    cases.addEvent(new CaseEvent(Ids.newId(), caseId, at, actorId, kind, detail));
    FollowupCase changed = cases.find(caseId);
    CaseSnapshot after = changed.snapshot();
    // The case's row is written (and locked) before the event is numbered, so the log orders one
    // case's events as their transactions commit.
    cases.flush();
    events.publish(
        CaseChanged.TYPE, caseId, new CaseChanged(caseId, kind, changed.publish(after), after));
  }

  public List<CaseEvent> trail(String caseId) {
    return cases.trail(caseId);
  }
}
