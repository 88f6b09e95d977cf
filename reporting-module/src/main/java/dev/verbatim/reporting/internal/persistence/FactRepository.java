package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.reporting.internal.domain.ResponseFact;
import dev.verbatim.reporting.internal.persistence.ReportSql.Typed;
import dev.verbatim.survey.api.InvitationCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report facts (rpt_invitation, rpt_response, rpt_case, rpt_contact_segment) as the fact
 * recorder writes them, in the transaction of the caller (the module-event log's).
 */
@ApplicationScoped
public class FactRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** The case as reports last recorded it, to take away from the rollups before adding the new. */
  public Optional<CaseSnapshot> storedCase(String caseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        ReportSql.on(em, "SELECT " + CaseFactRows.COLUMNS + " FROM rpt_case WHERE case_id = ?")
            .setParameter(1, caseId)
            .getResultList();
    return rows.stream().findFirst().map(CaseFactRows::snapshot);
  }

  public Map<String, String> segmentsOf(String contactId) {
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
  public void recordCase(CaseSnapshot c, boolean known) {
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

  /** Replaces the contact's segment rows with the given attributes. */
  public void replaceSegments(String contactId, Map<String, String> attributes) {
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
  }

  private boolean exists(String table, String idColumn, String id) {
    return !ReportSql.on(em, "SELECT 1 FROM " + table + " WHERE " + idColumn + " = ?")
        .setParameter(1, id)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
