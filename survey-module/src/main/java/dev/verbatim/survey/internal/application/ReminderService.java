package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.Outbox;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.LinkExpiry;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.infrastructure.InvitationMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminds customers who have not answered: {@code verbatim.reminders.after-days} after the
 * invitation (or the previous reminder), at most {@code verbatim.reminders.max} times, with the
 * same personal link; never after an answer, an unsubscribe or a bounce, once the survey is closed,
 * or when the link expires within a day ({@code verbatim.links.expire-days}).
 */
@ApplicationScoped
public class ReminderService {
  /** Reminders per run; the next run continues. */
  static final int BATCH = 200;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject SendingSettings settings;
  @Inject Outbox outbox;
  @Inject InvitationMail mail;

  @Inject
  @ConfigProperty(name = "verbatim.links.expire-days", defaultValue = "30")
  int expireDays;

  /**
   * @return how many reminders were queued
   */
  @Transactional
  public int sendDue(long now) {
    int max = settings.remindersMax();
    long after = settings.remindersAfter().toMillis();
    if (max == 0) {
      return 0;
    }
    int sent = 0;
    int passed = 0; // due rows left as they are (links from before derived tokens): page past them
    while (sent < BATCH) {
      List<Object[]> due =
          em.createQuery(
                  "SELECT i, c, s FROM Invitation i, Contact c, Survey s"
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
              .setParameter("cutoff", now - after)
              .setParameter("linkDeadBefore", new LinkExpiry(expireDays).oldestRemindableAt(now))
              .setFirstResult(passed)
              .setMaxResults(BATCH - sent)
              .getResultList();
      if (due.isEmpty()) {
        break;
      }
      for (Object[] row : due) {
        Invitation invitation = (Invitation) row[0];
        String token = settings.tokenKey().tokenFor(invitation.id());
        if (!invitation.reminderDue(now, after, max) || !invitation.isReachedBy(token)) {
          passed++;
          continue;
        }
        outbox.enqueue(mail.composeReminder((Survey) row[2], (Contact) row[1], token));
        invitation.recordReminder(now);
        sent++;
      }
    }
    return sent;
  }
}
