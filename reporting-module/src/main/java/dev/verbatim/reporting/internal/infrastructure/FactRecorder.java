package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.followup.api.CaseChanged;
import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.platform.api.ModuleEvent;
import dev.verbatim.platform.api.ModuleEventListener;
import dev.verbatim.reporting.internal.domain.ResponseFact;
import dev.verbatim.reporting.internal.domain.Rollup;
import dev.verbatim.reporting.internal.domain.RollupRules;
import dev.verbatim.reporting.internal.persistence.FactRepository;
import dev.verbatim.reporting.internal.persistence.RollupStore;
import dev.verbatim.survey.api.InvitationCreated;
import dev.verbatim.survey.api.ResponseSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the report facts (rpt_* tables), the rollups and the comment terms in step with surveys and
 * follow-up, from the module-event log: after the customer's transaction has committed, in a
 * transaction of the log's that also marks the events applied, so each event counts once. A batch
 * adds all its rollup changes in one UPDATE per rollup row. Everything comes from the events and
 * from reports' own tables; nothing is read back from the modules that published them.
 *
 * <p>A changed case takes its previous fact away from the rollups and adds the new one. The
 * previous fact is the one reports stored (not the event's {@code before}), so the rollups always
 * equal the sum of the stored facts, even if two changes of one case ever raced in follow-up.
 */
@ApplicationScoped
public class FactRecorder implements ModuleEventListener {
  public static final String LISTENER = "reporting";

  @Inject FactRepository facts;
  @Inject RollupStore rollups;
  @Inject CaseTermIndexer terms;

  @Override
  public String name() {
    return LISTENER;
  }

  @Override
  public Set<String> types() {
    return Set.of(InvitationCreated.TYPE, ResponseSubmitted.TYPE, CaseChanged.TYPE);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(List<ModuleEvent> events) {
    Batch batch = new Batch();
    for (ModuleEvent event : events) {
      switch (event.type()) {
        case InvitationCreated.TYPE ->
            invitationCreated(event.read(InvitationCreated.class), batch);
        case ResponseSubmitted.TYPE ->
            responseSubmitted(event.read(ResponseSubmitted.class), batch);
        case CaseChanged.TYPE -> caseChanged(event.read(CaseChanged.class), batch);
        default ->
            throw new IllegalArgumentException("reports take no " + event.type() + " events");
      }
    }
    rollups.apply(batch.changes);
  }

  /** What a batch has changed so far: its rollup changes, and the cases and segments it wrote. */
  private static final class Batch {
    final Rollup changes = new Rollup();
    final Map<String, Optional<CaseSnapshot>> cases = new HashMap<>();
    final Map<String, Map<String, String>> segments = new HashMap<>();
  }

  private void invitationCreated(InvitationCreated invitation, Batch batch) {
    boolean added = facts.recordInvitation(invitation);
    Map<String, String> segments =
        recordSegments(invitation.contactId(), invitation.segments(), batch);
    if (added) {
      RollupRules.invitation(
          batch.changes, invitation.surveyId(), invitation.createdAt(), segments);
    }
  }

  private void responseSubmitted(ResponseSubmitted submitted, Batch batch) {
    ResponseFact fact = ResponseFact.of(submitted);
    boolean added = facts.recordResponse(fact);
    Map<String, String> segments =
        recordSegments(submitted.contactId(), submitted.segments(), batch);
    if (added) {
      RollupRules.response(batch.changes, fact, segments);
    }
  }

  private void caseChanged(CaseChanged changed, Batch batch) {
    CaseSnapshot now = changed.after();
    if (now == null) {
      throw new IllegalArgumentException("case event " + changed.kind() + " carries no case");
    }
    Optional<CaseSnapshot> before = batch.cases.computeIfAbsent(now.caseId(), facts::storedCase);
    facts.recordCase(now, before.isPresent());
    Map<String, String> segments =
        batch.segments.computeIfAbsent(now.contactId(), facts::segmentsOf);
    before.ifPresent(b -> RollupRules.caseSnapshot(batch.changes, b, -1, segments));
    RollupRules.caseSnapshot(batch.changes, now, 1, segments);
    batch.cases.put(now.caseId(), Optional.of(now));
    if (before.isEmpty()) {
      terms.indexOnce(now);
    }
  }

  /**
   * Replaces the contact's segment rows when their attributes differ from what is stored.
   *
   * @return the contact's segments as now stored
   */
  private Map<String, String> recordSegments(
      String contactId, Map<String, String> attributes, Batch batch) {
    Map<String, String> stored = batch.segments.computeIfAbsent(contactId, facts::segmentsOf);
    if (stored.equals(attributes)) {
      return stored;
    }
    facts.replaceSegments(contactId, attributes);
    Map<String, String> now = new HashMap<>(attributes);
    batch.segments.put(contactId, now);
    return now;
  }
}
