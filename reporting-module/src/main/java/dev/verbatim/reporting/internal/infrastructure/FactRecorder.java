package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.followup.api.CaseChanged;
import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.reporting.internal.domain.ResponseFact;
import dev.verbatim.reporting.internal.domain.Rollup;
import dev.verbatim.reporting.internal.domain.RollupRules;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.InvitationCreated;
import dev.verbatim.survey.api.ResponseSubmitted;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the report facts (rpt_* tables) in step with surveys and follow-up. Each observer runs
 * synchronously in the transaction of the event, so a fact exists exactly when what it records was
 * committed; reports then never read another module's tables. The rollups change in the same
 * transaction: a case that changes takes its previous snapshot away and adds the new one.
 */
@ApplicationScoped
public class FactRecorder {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject SurveyDirectory surveys;
  @Inject FollowupDirectory followup;
  @Inject RollupStore rollups;

  @Transactional(Transactional.TxType.MANDATORY)
  void invitationCreated(@Observes InvitationCreated invitation) {
    boolean added = recordInvitation(invitation);
    Optional<Map<String, String>> segments =
        surveys.contact(invitation.contactId()).map(this::recordSegments);
    if (added) {
      Rollup changes = new Rollup();
      RollupRules.invitation(
          changes,
          invitation.surveyId(),
          invitation.createdAt(),
          segments.orElseGet(() -> segmentsOf(invitation.contactId())));
      rollups.apply(changes);
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void responseSubmitted(@Observes ResponseSubmitted submitted) {
    surveys
        .response(submitted.responseId())
        .ifPresent(
            response -> {
              ResponseFact fact = ResponseFact.of(response);
              boolean added = recordResponse(fact);
              Map<String, String> segments = recordSegments(response.contact());
              if (added) {
                Rollup changes = new Rollup();
                RollupRules.response(changes, fact, segments);
                rollups.apply(changes);
              }
            });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void caseChanged(@Observes CaseChanged changed) {
    followup
        .caseSnapshot(changed.caseId())
        .ifPresent(
            now -> {
              Optional<CaseSnapshot> before = storedCase(now.caseId());
              recordCase(now, before.isPresent());
              Map<String, String> segments = segmentsOf(now.contactId());
              Rollup changes = new Rollup();
              before.ifPresent(b -> RollupRules.caseSnapshot(changes, b, -1, segments));
              RollupRules.caseSnapshot(changes, now, 1, segments);
              rollups.apply(changes);
            });
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

  public boolean recordInvitation(InvitationCreated invitation) {
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

  public boolean recordResponse(ResponseFact fact) {
    if (exists("rpt_response", "response_id", fact.responseId())) {
      return false;
    }
    ReportSql.on(
            em,
            "INSERT INTO rpt_response (response_id, survey_id, contact_id, submitted_at,"
                + " nps_score, csat_score, ces_score, comments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, fact.responseId())
        .setParameter(2, fact.surveyId())
        .setParameter(3, fact.contactId())
        .setParameter(4, fact.submittedAt())
        .setParameter(5, fact.nps())
        .setParameter(6, fact.csat())
        .setParameter(7, fact.ces())
        .setParameter(8, fact.comments())
        .executeUpdate();
    return true;
  }

  /**
   * @param known whether the case's fact exists already (read in the same transaction)
   */
  void recordCase(CaseSnapshot c, boolean known) {
    Query write =
        ReportSql.on(
            em,
            known
                ? "UPDATE rpt_case SET response_id = ?, survey_id = ?, contact_id = ?,"
                    + " question_key = ?, comment_text = ?, score = ?, team_id = ?, owner_id = ?,"
                    + " status = ?, priority = ?, opened_at = ?, due_at = ?, first_reply_at = ?,"
                    + " closed_at = ?, root_cause = ?, escalation_level = ? WHERE case_id = ?"
                : "INSERT INTO rpt_case (response_id, survey_id, contact_id, question_key,"
                    + " comment_text, score, team_id, owner_id, status, priority, opened_at,"
                    + " due_at, first_reply_at, closed_at, root_cause, escalation_level, case_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Object[] values = {
      c.responseId(),
      c.surveyId(),
      c.contactId(),
      c.questionKey(),
      c.comment(),
      c.score(),
      c.teamId(),
      c.ownerId(),
      c.status(),
      c.priority(),
      c.openedAt(),
      c.dueAt(),
      c.firstReplyAt(),
      c.closedAt(),
      c.rootCause(),
      c.escalationLevel(),
      c.caseId()
    };
    for (int i = 0; i < values.length; i++) {
      write.setParameter(i + 1, values[i]);
    }
    write.executeUpdate();
  }

  /**
   * Replaces the contact's segment rows when their attributes differ from what is stored.
   *
   * @return the contact's segments as now stored
   */
  Map<String, String> recordSegments(ContactView contact) {
    Map<String, String> stored = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        ReportSql.on(
                em, "SELECT attr_name, attr_value FROM rpt_contact_segment WHERE contact_id = ?")
            .setParameter(1, contact.id())
            .getResultList();
    for (Object[] row : rows) {
      stored.put((String) row[0], (String) row[1]);
    }
    if (stored.equals(contact.attributes())) {
      return stored;
    }
    ReportSql.on(em, "DELETE FROM rpt_contact_segment WHERE contact_id = ?")
        .setParameter(1, contact.id())
        .executeUpdate();
    contact
        .attributes()
        .forEach(
            (name, value) ->
                ReportSql.on(
                        em,
                        "INSERT INTO rpt_contact_segment (contact_id, attr_name, attr_value)"
                            + " VALUES (?, ?, ?)")
                    .setParameter(1, contact.id())
                    .setParameter(2, name)
                    .setParameter(3, value)
                    .executeUpdate());
    return new HashMap<>(contact.attributes());
  }

  private boolean exists(String table, String idColumn, String id) {
    return !ReportSql.on(em, "SELECT 1 FROM " + table + " WHERE " + idColumn + " = ?")
        .setParameter(1, id)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
