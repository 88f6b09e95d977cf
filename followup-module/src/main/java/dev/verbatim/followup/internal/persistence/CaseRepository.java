package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseFilter;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.CaseVisibility;
import dev.verbatim.followup.internal.domain.FollowupCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follow-up cases with their messages and audit trail (FollowupCase, CaseMessage, CaseEvent). Its
 * methods join the caller's transaction; the entities they return are managed, so a service changes
 * a case through the case's own methods.
 */
@ApplicationScoped
public class CaseRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** The case, or null. */
  public FollowupCase find(String caseId) {
    return em.find(FollowupCase.class, caseId);
  }

  /** The case locked for update until the transaction ends, or null. */
  public FollowupCase findForUpdate(String caseId) {
    return em.find(FollowupCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
  }

  public void add(FollowupCase followupCase) {
    em.persist(followupCase);
  }

  public void addMessage(CaseMessage message) {
    em.persist(message);
  }

  public void addEvent(CaseEvent event) {
    em.persist(event);
  }

  /**
   * Writes the pending changes now: for rows whose foreign keys need rows this transaction has not
   * written yet (no JPA relationship orders those inserts).
   */
  public void flush() {
    em.flush();
  }

  /**
   * The cases of the filter that the user may see, sorted by due time (soonest first) unless the
   * filter asks for the newest first.
   *
   * @param now the time "overdue" is measured at
   */
  public List<FollowupCase> search(
      CaseFilter filter, String userId, CaseVisibility visibility, long now) {
    List<String> teams = List.copyOf(visibility.teamIds());
    StringBuilder jpql = new StringBuilder("SELECT c FROM FollowupCase c WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    switch (filter.scope()) {
      case MINE -> {
        jpql.append(" AND c.ownerId = :me");
        parameters.put("me", userId);
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
          parameters.put("me", userId);
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
      parameters.put("now", now);
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

  /** The case's messages, oldest first. */
  public List<CaseMessage> messages(String caseId) {
    return em.createQuery(
            "SELECT m FROM CaseMessage m WHERE m.caseId = :c ORDER BY m.createdAt",
            CaseMessage.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  /** The case's audit trail, oldest first. */
  public List<CaseEvent> trail(String caseId) {
    return em.createQuery(
            "SELECT e FROM CaseEvent e WHERE e.caseId = :c ORDER BY e.at, e.id", CaseEvent.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  /** The cases opened from one response. */
  public List<FollowupCase> ofResponse(String responseId) {
    return em.createQuery(
            "SELECT c FROM FollowupCase c WHERE c.responseId = :r", FollowupCase.class)
        .setParameter("r", responseId)
        .getResultList();
  }

  /** The contact's other cases, newest first (at most 50). */
  public List<FollowupCase> otherCasesOfContact(FollowupCase followupCase) {
    return em.createQuery(
            "SELECT c FROM FollowupCase c WHERE c.contactId = :contact AND c.id <> :id"
                + " ORDER BY c.createdAt DESC",
            FollowupCase.class)
        .setParameter("contact", followupCase.contactId())
        .setParameter("id", followupCase.id())
        .setMaxResults(50)
        .getResultList();
  }

  /** The survey's cases, oldest first. */
  public List<FollowupCase> ofSurvey(String surveyId) {
    return em.createQuery(
            "SELECT c FROM FollowupCase c WHERE c.surveyId = :s ORDER BY c.createdAt",
            FollowupCase.class)
        .setParameter("s", surveyId)
        .getResultList();
  }

  /** The case whose reply address carries the token (stored as its hash). */
  public Optional<FollowupCase> byReplyTokenHash(String tokenHash) {
    return em.createQuery(
            "SELECT c FROM FollowupCase c WHERE c.replyTokenHash = :t", FollowupCase.class)
        .setParameter("t", tokenHash)
        .getResultStream()
        .findFirst();
  }

  /** A case whose thread contains one of the messages (its first mail or one sent from it). */
  public Optional<FollowupCase> byThread(List<String> messageIds) {
    return em.createQuery(
            "SELECT c FROM FollowupCase c WHERE c.threadMessageId IN :ids OR c.id IN"
                + " (SELECT m.caseId FROM CaseMessage m WHERE m.messageId IN :ids AND m.direction = :out)",
            FollowupCase.class)
        .setParameter("ids", messageIds)
        .setParameter("out", CaseMessage.OUT)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** How many incoming case messages have this Message-ID. */
  public long incomingWithMessageId(String messageId) {
    return em.createQuery(
            "SELECT COUNT(m) FROM CaseMessage m WHERE m.messageId = :id AND m.direction = :in",
            Long.class)
        .setParameter("id", messageId)
        .setParameter("in", CaseMessage.IN)
        .getSingleResult();
  }

  /** Open cases past their due time below the last escalation level, soonest due first. */
  public List<String> overdueBelowLastLevel(long now) {
    return em.createQuery(
            "SELECT c.id FROM FollowupCase c WHERE c.status = :open AND c.dueAt < :now"
                + " AND c.escalationLevel < 2 ORDER BY c.dueAt",
            String.class)
        .setParameter("open", CaseStatus.OPEN)
        .setParameter("now", now)
        .getResultList();
  }

  /** How many open cases the owner has. */
  public long openCasesOf(String ownerId) {
    return em.createQuery(
            "SELECT COUNT(c) FROM FollowupCase c WHERE c.ownerId = :o AND c.status = :s",
            Long.class)
        .setParameter("o", ownerId)
        .setParameter("s", CaseStatus.OPEN)
        .getSingleResult();
  }

  /** Cases whose reply token is stored with the given length (the plain tokens of old releases). */
  public List<FollowupCase> withReplyTokenHashLength(int length) {
    return em.createQuery(
            "SELECT c FROM FollowupCase c WHERE LENGTH(c.replyTokenHash) = :plain",
            FollowupCase.class)
        .setParameter("plain", length)
        .getResultList();
  }
}
