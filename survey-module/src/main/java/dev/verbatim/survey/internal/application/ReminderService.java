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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminds customers who have not answered: {@code verbatim.reminders.after-days} after the
 * invitation (or the previous reminder), at most {@code verbatim.reminders.max} times, with the
 * same personal link; never after an answer, an unsubscribe or a bounce, once the survey is closed,
 * or when the link expires within a day ({@code verbatim.links.expire-days}).
 *
 * <p>Several servers may run {@link #sendDue} at once: each due invitation is claimed with a
 * conditional update of its reminder count ({@link #claim}) in the transaction that queues the
 * reminder, and only the server whose update counted the row queues it. Another server's claim
 * makes the update wait for that server's commit and then count no row: the invitation was done
 * elsewhere.
 */
@ApplicationScoped
public class ReminderService {
  private static final Logger LOG = Logger.getLogger(ReminderService.class.getName());

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
    int elsewhere = 0; // claimed by another server meanwhile: they no longer match the query
    while (sent < BATCH && elsewhere < BATCH) {
      List<Object[]> due =
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
        if (claim(invitation.id(), ((Number) row[3]).intValue(), now)) {
          outbox.enqueue(mail.composeReminder((Survey) row[2], (Contact) row[1], token));
          sent++;
        } else {
          elsewhere++;
        }
      }
    }
    if (elsewhere > 0) {
      int lost = elsewhere;
      LOG.fine(() -> lost + " due reminder(s) were done elsewhere (another server claimed them)");
    }
    return sent;
  }

  /**
   * Records the reminder if nobody did since the invitation was read with {@code remindersSent}
   * reminders (and it is still unanswered and not bounced): true when this transaction holds it.
   * The row stays locked until commit, so a competing claim waits and then finds the count moved.
   */
  private boolean claim(String invitationId, int remindersSent, long now) {
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
