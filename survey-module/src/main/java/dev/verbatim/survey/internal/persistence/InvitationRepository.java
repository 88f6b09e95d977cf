package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invitations (svy_invitation): who was asked, when, and what came of it. */
@ApplicationScoped
public class InvitationRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /**
   * An invitation due for a reminder, with its contact and survey; {@code remindersSent} as read
   * now, even when the Invitation is an older copy.
   */
  public record DueReminder(
      Invitation invitation, Contact contact, Survey survey, int remindersSent) {}

  public void add(Invitation invitation) {
    em.persist(invitation);
  }

  /** The invitation in this persistence context (a copy read earlier becomes managed). */
  public Invitation merge(Invitation invitation) {
    return em.merge(invitation);
  }

  public Optional<Invitation> byTokenHash(String tokenHash) {
    return em.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :h", Invitation.class)
        .setParameter("h", tokenHash)
        .getResultStream()
        .findFirst();
  }

  public List<Invitation> byMessageId(String messageId) {
    return em.createQuery("SELECT i FROM Invitation i WHERE i.messageId = :m", Invitation.class)
        .setParameter("m", messageId)
        .getResultList();
  }

  /** The latest unanswered invitation of the contact with this email key (none or one). */
  public List<Invitation> latestUnansweredOf(String emailKey) {
    return em.createQuery(
            "SELECT i FROM Invitation i, Contact c WHERE c.id = i.contactId"
                + " AND c.emailKey = :k AND i.answeredAt IS NULL ORDER BY i.createdAt DESC",
            Invitation.class)
        .setParameter("k", emailKey)
        .setMaxResults(1)
        .getResultList();
  }

  public List<Invitation> ofSurvey(String surveyId) {
    return em.createQuery(
            "SELECT i FROM Invitation i WHERE i.surveyId = :s ORDER BY i.id", Invitation.class)
        .setParameter("s", surveyId)
        .getResultList();
  }

  /** The contacts the survey was sent to. */
  public List<String> contactIdsOfSurvey(String surveyId) {
    return em.createQuery(
            "SELECT i.contactId FROM Invitation i WHERE i.surveyId = :s", String.class)
        .setParameter("s", surveyId)
        .getResultList();
  }

  /** Contact id to the time of their last invitation, for those invited since {@code since}. */
  public Map<String, Long> lastInvitedSince(long since) {
    Map<String, Long> last = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT i.contactId, MAX(i.createdAt) FROM Invitation i WHERE i.createdAt >= :since"
                    + " GROUP BY i.contactId",
                Object[].class)
            .setParameter("since", since)
            .getResultList()) {
      last.put((String) row[0], ((Number) row[1]).longValue());
    }
    return last;
  }

  /** Counts of a distribution's invitations: all, bounced, opened, answered (nulls as read). */
  public Object[] countsOf(String distributionId) {
    return em.createQuery(
            "SELECT COUNT(i), SUM(CASE WHEN i.bouncedAt IS NULL THEN 0 ELSE 1 END),"
                + " SUM(CASE WHEN i.openedAt IS NULL THEN 0 ELSE 1 END),"
                + " SUM(CASE WHEN i.answeredAt IS NULL THEN 0 ELSE 1 END)"
                + " FROM Invitation i WHERE i.distributionId = :d",
            Object[].class)
        .setParameter("d", distributionId)
        .getSingleResult();
  }

  /** The Message-IDs of a distribution's invitation mails. */
  public List<String> messageIdsOf(String distributionId) {
    return em.createQuery(
            "SELECT i.messageId FROM Invitation i WHERE i.distributionId = :d"
                + " AND i.messageId IS NOT NULL",
            String.class)
        .setParameter("d", distributionId)
        .getResultList();
  }

  /**
   * Unanswered, unbounced invitations of published surveys, to suppressed-free contacts, with fewer
   * than {@code max} reminders and none since {@code cutoff}, created after {@code linkDeadBefore};
   * oldest first, from {@code first}, at most {@code limit}.
   */
  public List<DueReminder> dueReminders(
      int max, long cutoff, long linkDeadBefore, int first, int limit) {
    List<Object[]> rows =
        em.createQuery(
                // i.remindersSent as read now, even when the Invitation is an older copy
                "SELECT i, c, s, i.remindersSent FROM Invitation i, Contact c, Survey s"
                    + " WHERE c.id = i.contactId AND s.id = i.surveyId AND s.status = :published"
                    + " AND i.answeredAt IS NULL AND i.bouncedAt IS NULL"
                    + " AND i.remindersSent < :max"
                    + " AND COALESCE(i.lastRemindedAt, i.createdAt) <= :cutoff"
                    + " AND i.createdAt > :linkDeadBefore"
                    + " AND NOT EXISTS (SELECT x FROM Suppression x WHERE x.emailKey = c.emailKey)"
                    + " ORDER BY i.createdAt, i.id",
                Object[].class)
            .setParameter("published", Survey.PUBLISHED)
            .setParameter("max", max)
            .setParameter("cutoff", cutoff)
            .setParameter("linkDeadBefore", linkDeadBefore)
            .setFirstResult(first)
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new DueReminder(
                    (Invitation) row[0],
                    (Contact) row[1],
                    (Survey) row[2],
                    ((Number) row[3]).intValue()))
        .toList();
  }

  /**
   * Records the reminder if nobody did since the invitation was read with {@code remindersSent}
   * reminders (and it is still unanswered and not bounced): true when this transaction holds it.
   * The row stays locked until commit, so a competing claim waits and then finds the count moved.
   */
  public boolean claimReminder(String invitationId, int remindersSent, long now) {
    return em.createQuery(
                "UPDATE Invitation i SET i.remindersSent = i.remindersSent + 1,"
                    + " i.lastRemindedAt = :now WHERE i.id = :id AND i.remindersSent = :seen"
                    + " AND i.answeredAt IS NULL AND i.bouncedAt IS NULL")
            .setParameter("now", now)
            .setParameter("id", invitationId)
            .setParameter("seen", remindersSent)
            .executeUpdate()
        == 1;
  }
}
