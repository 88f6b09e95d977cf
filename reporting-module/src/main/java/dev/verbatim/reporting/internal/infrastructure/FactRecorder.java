package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.followup.api.CaseChanged;
import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.platform.api.ModuleEvent;
import dev.verbatim.platform.api.ModuleEventListener;
import dev.verbatim.reporting.internal.domain.ResponseFact;
import dev.verbatim.reporting.internal.domain.Rollup;
import dev.verbatim.reporting.internal.domain.RollupRules;
import dev.verbatim.reporting.internal.infrastructure.ReportSql.Typed;
import dev.verbatim.survey.api.InvitationCreated;
import dev.verbatim.survey.api.ResponseSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

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
    boolean added = recordInvitation(invitation);
    Map<String, String> segments =
        recordSegments(invitation.contactId(), invitation.segments(), batch);
    if (added) {
      RollupRules.invitation(
          batch.changes, invitation.surveyId(), invitation.createdAt(), segments);
    }
  }

  private void responseSubmitted(ResponseSubmitted submitted, Batch batch) {
    ResponseFact fact = ResponseFact.of(submitted);
    boolean added = recordResponse(fact);
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
    Optional<CaseSnapshot> before = batch.cases.computeIfAbsent(now.caseId(), this::storedCase);
    recordCase(now, before.isPresent());
    Map<String, String> segments =
        batch.segments.computeIfAbsent(now.contactId(), this::segmentsOf);
    before.ifPresent(b -> RollupRules.caseSnapshot(batch.changes, b, -1, segments));
    RollupRules.caseSnapshot(batch.changes, now, 1, segments);
    batch.cases.put(now.caseId(), Optional.of(now));
    if (before.isEmpty()) {
      terms.indexOnce(now);
    }
  }

  /** The case as reports last recorded it, to take away from the rollups before adding the new. */
  Optional<CaseSnapshot> storedCase(String caseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        ReportSql.on(em, "SELECT " + CaseFactRows.COLUMNS + " FROM rpt_case WHERE case_id = ?")
            .setParameter(1, caseId)
            .getResultList();
    return rows.stream().findFirst().map(CaseFactRows::snapshot);
  }

  Map<String, String> segmentsOf(String contactId) {
    Map<String, String> stored = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        ReportSql.on(
                em, "SELECT attr_name, attr_value FROM rpt_contact_segment WHERE contact_id = ?")
            .setParameter(1, contactId)
            .getResultList();
    for (Object[] row : rows) {
      stored.put((String) row[0], (String) row[1]);
    }
    return stored;
  }

  boolean recordInvitation(InvitationCreated invitation) {
    if (exists("rpt_invitation", "invitation_id", invitation.invitationId())) {
      return false;
    }
    ReportSql.on(
            em,
            "INSERT INTO rpt_invitation (invitation_id, survey_id, contact_id, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, invitation.invitationId())
        .setParameter(2, invitation.surveyId())
        .setParameter(3, invitation.contactId())
        .setParameter(4, invitation.createdAt())
        .executeUpdate();
    return true;
  }

  boolean recordResponse(ResponseFact fact) {
    if (exists("rpt_response", "response_id", fact.responseId())) {
      return false;
    }
    ReportSql.write(
        em,
        "INSERT INTO rpt_response (response_id, survey_id, contact_id, submitted_at,"
            + " nps_score, csat_score, ces_score, comments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        fact.responseId(),
        fact.surveyId(),
        fact.contactId(),
        fact.submittedAt(),
        Typed.integer(fact.nps()),
        Typed.integer(fact.csat()),
        Typed.integer(fact.ces()),
        fact.comments());
    return true;
  }

  /**
   * @param known whether the case's fact exists already (read in the same transaction)
   */
  void recordCase(CaseSnapshot c, boolean known) {
    ReportSql.write(
        em,
        known
            ? "UPDATE rpt_case SET response_id = ?, survey_id = ?, contact_id = ?,"
                + " question_key = ?, comment_text = ?, score = ?, team_id = ?, owner_id = ?,"
                + " status = ?, priority = ?, opened_at = ?, due_at = ?, first_reply_at = ?,"
                + " closed_at = ?, root_cause = ?, escalation_level = ? WHERE case_id = ?"
            : "INSERT INTO rpt_case (response_id, survey_id, contact_id, question_key,"
                + " comment_text, score, team_id, owner_id, status, priority, opened_at,"
                + " due_at, first_reply_at, closed_at, root_cause, escalation_level, case_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.responseId(),
        c.surveyId(),
        c.contactId(),
        c.questionKey(),
        Typed.varchar(c.comment()),
        Typed.integer(c.score()),
        Typed.varchar(c.teamId()),
        Typed.varchar(c.ownerId()),
        c.status(),
        Typed.varchar(c.priority()),
        c.openedAt(),
        Typed.bigint(c.dueAt()),
        Typed.bigint(c.firstReplyAt()),
        Typed.bigint(c.closedAt()),
        Typed.varchar(c.rootCause()),
        c.escalationLevel(),
        c.caseId());
  }

  /**
   * Replaces the contact's segment rows when their attributes differ from what is stored.
   *
   * @return the contact's segments as now stored
   */
  private Map<String, String> recordSegments(
      String contactId, Map<String, String> attributes, Batch batch) {
    Map<String, String> stored = batch.segments.computeIfAbsent(contactId, this::segmentsOf);
    if (stored.equals(attributes)) {
      return stored;
    }
    ReportSql.on(em, "DELETE FROM rpt_contact_segment WHERE contact_id = ?")
        .setParameter(1, contactId)
        .executeUpdate();
    attributes.forEach(
        (name, value) ->
            ReportSql.write(
                em,
                "INSERT INTO rpt_contact_segment (contact_id, attr_name, attr_value)"
                    + " VALUES (?, ?, ?)",
                contactId,
                name,
                Typed.varchar(value)));
    Map<String, String> now = new HashMap<>(attributes);
    batch.segments.put(contactId, now);
    return now;
  }

  private boolean exists(String table, String idColumn, String id) {
    return !ReportSql.on(em, "SELECT 1 FROM " + table + " WHERE " + idColumn + " = ?")
        .setParameter(1, id)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
