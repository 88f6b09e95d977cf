package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.Outbox;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.LinkExpiry;
import dev.verbatim.survey.internal.infrastructure.InvitationMail;
import dev.verbatim.survey.internal.persistence.InvitationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Inject InvitationRepository invitations;

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
      List<InvitationRepository.DueReminder> due =
          invitations.dueReminders(
              max,
              now - after,
              new LinkExpiry(expireDays).oldestRemindableAt(now),
              passed,
              BATCH - sent);
      if (due.isEmpty()) {
        break;
      }
      for (InvitationRepository.DueReminder row : due) {
        Invitation invitation = row.invitation();
        String token = settings.tokenKey().tokenFor(invitation.id());
        if (!invitation.reminderDue(now, after, max) || !invitation.isReachedBy(token)) {
          passed++;
          continue;
        }
        if (claim(invitation.id(), row.remindersSent(), now)) {
          outbox.enqueue(mail.composeReminder(row.survey(), row.contact(), token));
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
    return invitations.claimReminder(invitationId, remindersSent, now);
  }
}
