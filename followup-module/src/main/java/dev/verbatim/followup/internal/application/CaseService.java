package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.ReplyAddress;
import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.followup.internal.infrastructure.CustomerReplyMail;
import dev.verbatim.followup.internal.infrastructure.ReplyAddresses;
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
import java.util.List;

/** An owner's work on cases: list, open, reply to the customer, close with a root cause. */
@ApplicationScoped
public class CaseService {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject Outbox outbox;
  @Inject SurveyDirectory surveys;
  @Inject CustomerReplyMail replyMail;
  @Inject CaseAudit audit;
  @Inject ReplyAddresses replyAddresses;

  /** Owners see their own cases; managers and admins see everyone's. Newest first. */
  public List<FollowupCase> list(
      StaffUser user, CaseStatus status, boolean onlyMine, int page, int size) {
    boolean all = !onlyMine && seesAllCases(user);
    String jpql =
        "SELECT c FROM FollowupCase c WHERE 1 = 1"
            + (all ? "" : " AND c.ownerId = :owner")
            + (status == null ? "" : " AND c.status = :status")
            + " ORDER BY c.createdAt DESC";
    var query = em.createQuery(jpql, FollowupCase.class);
    if (!all) {
      query.setParameter("owner", user.id());
    }
    if (status != null) {
      query.setParameter("status", status);
    }
    return query.setFirstResult(Math.max(page - 1, 0) * size).setMaxResults(size).getResultList();
  }

  /**
   * @throws AccessDeniedException when an owner opens someone else's case
   */
  public FollowupCase get(String caseId, StaffUser user) {
    FollowupCase found = caseId == null ? null : em.find(FollowupCase.class, caseId);
    if (found == null) {
      throw new ResourceNotFoundException("There is no case with id " + caseId + ".");
    }
    if (!found.isOwnedBy(user.id()) && !seesAllCases(user)) {
      throw new AccessDeniedException("This case belongs to another owner.");
    }
    return found;
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
   * replied. The first reply starts the thread: later replies answer it ({@code In-Reply-To} /
   * {@code References}), and all carry the case's own reply address so the answer finds the case.
   */
  @Transactional
  public FollowupCase reply(String caseId, StaffUser author, String text) {
    FollowupCase followupCase = get(caseId, author);
    long now = clock.millis();
    followupCase.reply(text, now);
    ContactView contact = surveys.contact(followupCase.contactId()).orElseThrow();
    String surveyTitle =
        surveys.survey(followupCase.surveyId()).map(SurveySummary::title).orElse("our survey");
    String token =
        followupCase.replyToken() == null ? ReplyAddress.newToken() : followupCase.replyToken();
    String messageId =
        outbox.enqueue(
            replyMail
                .compose(followupCase, contact, surveyTitle, author, text.strip())
                .threadedAfter(followupCase.threadMessageId(), replyAddresses.forToken(token)));
    followupCase.startThread(token, messageId);
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
