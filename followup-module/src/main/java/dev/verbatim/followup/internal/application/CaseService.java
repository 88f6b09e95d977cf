package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseFilter;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.CaseVisibility;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.followup.internal.infrastructure.CustomerReplyMail;
import dev.verbatim.platform.api.AccessDeniedException;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An owner's work on cases: list, open, reply to the customer, close with a root cause. Who may see
 * which case is decided here, so the API and the pages enforce the same rule.
 */
@ApplicationScoped
public class CaseService {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject Outbox outbox;
  @Inject SurveyDirectory surveys;
  @Inject CustomerReplyMail replyMail;
  @Inject CaseAudit audit;

  /**
   * The cases the user may see ({@link #visibilityOf}), narrowed by the filter. Sorted by due time
   * (soonest first) unless the filter asks for the newest first.
   */
  public List<FollowupCase> list(StaffUser user, CaseFilter filter) {
    CaseVisibility visibility = visibilityOf(user);
    List<String> teams = List.copyOf(visibility.teamIds());
    StringBuilder jpql = new StringBuilder("SELECT c FROM FollowupCase c WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    switch (filter.scope()) {
      case MINE -> {
        jpql.append(" AND c.ownerId = :me");
        parameters.put("me", user.id());
      }
      case TEAM -> {
        if (teams.isEmpty()) {
          return List.of();
        }
        jpql.append(" AND c.teamId IN :teams");
        parameters.put("teams", teams);
      }
      case ALL -> {
        if (!visibility.seesAll()) {
          jpql.append(
              teams.isEmpty()
                  ? " AND c.ownerId = :me"
                  : " AND (c.ownerId = :me OR c.teamId IN :teams)");
          parameters.put("me", user.id());
          if (!teams.isEmpty()) {
            parameters.put("teams", teams);
          }
        }
      }
    }
    if (filter.status() != null) {
      jpql.append(" AND c.status = :status");
      parameters.put("status", filter.status());
    }
    if (filter.priority() != null) {
      jpql.append(" AND c.priority = :priority");
      parameters.put("priority", filter.priority());
    }
    if (filter.onlyOverdue()) {
      jpql.append(" AND c.status = :open AND c.dueAt < :now");
      parameters.put("open", CaseStatus.OPEN);
      parameters.put("now", clock.millis());
    }
    if (filter.surveyId() != null) {
      jpql.append(" AND c.surveyId = :survey");
      parameters.put("survey", filter.surveyId());
    }
    jpql.append(
        filter.sort() == CaseFilter.Sort.NEWEST
            ? " ORDER BY c.createdAt DESC, c.id"
            : " ORDER BY c.dueAt, c.createdAt, c.id");
    var query = em.createQuery(jpql.toString(), FollowupCase.class);
    parameters.forEach(query::setParameter);
    return query.setFirstResult(filter.firstResult()).setMaxResults(filter.size()).getResultList();
  }

  /** All the user may see, newest first; {@code onlyMine}: only the cases they own. */
  public List<FollowupCase> list(
      StaffUser user, CaseStatus status, boolean onlyMine, int page, int size) {
    return list(
        user,
        new CaseFilter(
            onlyMine ? CaseFilter.Scope.MINE : CaseFilter.Scope.ALL,
            status,
            null,
            false,
            null,
            CaseFilter.Sort.NEWEST,
            page,
            size));
  }

  /**
   * @throws AccessDeniedException when the case is neither the user's, nor their team's, and they
   *     are not a manager or admin
   */
  public FollowupCase get(String caseId, StaffUser user) {
    FollowupCase found = caseId == null ? null : em.find(FollowupCase.class, caseId);
    if (found == null) {
      throw new ResourceNotFoundException("There is no case with id " + caseId + ".");
    }
    if (!visibilityOf(user).canSee(found)) {
      throw new AccessDeniedException("This case belongs to another owner and team.");
    }
    return found;
  }

  /**
   * Managers and admins see all cases; everyone else their own plus those of the teams they belong
   * to or lead.
   */
  public CaseVisibility visibilityOf(StaffUser user) {
    if (seesAllCases(user)) {
      return new CaseVisibility(user.id(), true, Set.of());
    }
    Set<String> teamIds = new HashSet<>();
    em.createQuery("SELECT t FROM Team t", Team.class).getResultList().stream()
        .filter(t -> user.id().equals(t.leadUserId()) || t.memberIds().contains(user.id()))
        .forEach(t -> teamIds.add(t.id()));
    return new CaseVisibility(user.id(), false, teamIds);
  }

  public List<CaseMessage> messages(String caseId) {
    return em.createQuery(
            "SELECT m FROM CaseMessage m WHERE m.caseId = :c ORDER BY m.createdAt",
            CaseMessage.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  /**
   * Mails the reply to the customer (through the outbox, in this transaction) and marks the case
   * replied.
   */
  @Transactional
  public FollowupCase reply(String caseId, StaffUser author, String text) {
    FollowupCase followupCase = get(caseId, author);
    long now = clock.millis();
    followupCase.reply(text, now);
    ContactView contact = surveys.contact(followupCase.contactId()).orElseThrow();
    String surveyTitle =
        surveys.survey(followupCase.surveyId()).map(SurveySummary::title).orElse("our survey");
    String messageId =
        outbox.enqueue(replyMail.compose(followupCase, contact, surveyTitle, author, text.strip()));
    em.persist(
        new CaseMessage(
            Ids.newId(), caseId, CaseMessage.OUT, author.id(), text.strip(), messageId, now));
    audit.record(caseId, author.id(), CaseEvent.REPLIED, null);
    return followupCase;
  }

  @Transactional
  public FollowupCase close(
      String caseId, StaffUser user, String rootCauseCode, String resolution) {
    FollowupCase followupCase = get(caseId, user);
    RootCause cause = null;
    if (rootCauseCode != null && !rootCauseCode.isBlank()) {
      cause = em.find(RootCause.class, rootCauseCode.strip());
      if (cause == null) {
        throw new InvalidInputException(
            "rootCause", "'" + rootCauseCode + "' is not in the root-cause list.");
      }
    }
    followupCase.close(cause, resolution, clock.millis());
    audit.record(caseId, user.id(), CaseEvent.CLOSED, cause.code());
    return followupCase;
  }

  public List<RootCause> rootCauses() {
    return em.createQuery("SELECT r FROM RootCause r ORDER BY r.position", RootCause.class)
        .getResultList();
  }

  static boolean seesAllCases(StaffUser user) {
    return user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN);
  }
}
