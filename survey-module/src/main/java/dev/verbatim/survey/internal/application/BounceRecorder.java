package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.MailBounced;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.SuppressionReason;
import dev.verbatim.survey.internal.persistence.ContactRepository;
import dev.verbatim.survey.internal.persistence.InvitationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * A hard bounce (refused at send time, or reported by a delivery status notification) puts the
 * address on the suppression list and marks the invitation it answers BOUNCED.
 */
@ApplicationScoped
public class BounceRecorder {
  private static final Logger LOG = Logger.getLogger(BounceRecorder.class.getName());

  @Inject InvitationRepository invitationRows;
  @Inject ContactRepository contacts;

  @Inject Clock clock;
  @Inject SuppressionList suppressions;

  /** The drainer tells outside any transaction; this observer opens its own. */
  @Transactional
  void refusedAtSendTime(@Observes MailBounced bounce) {
    record(bounce.recipient(), bounce.messageId(), "refused at send time: " + bounce.reason());
  }

  /**
   * @param messageId the bounced mail's Message-ID when known (may be null)
   * @return true when the address belongs to a contact
   */
  @Transactional
  public boolean record(String recipient, String messageId, String detail) {
    long now = clock.millis();
    suppressions.suppress(recipient, SuppressionReason.BOUNCED, detail);
    List<Invitation> invitations =
        messageId == null ? List.of() : invitationRows.byMessageId(messageId);
    if (invitations.isEmpty()) {
      // A reminder, or a report without the original Message-ID: the contact's latest invitation.
      invitations = invitationRows.latestUnansweredOf(Contact.keyOf(recipient));
    }
    invitations.forEach(i -> i.markBounced(now));
    LOG.info(() -> "Suppressed a bounced address (" + detail + ")");
    return !invitations.isEmpty() || !contacts.idsByEmailKey(Contact.keyOf(recipient)).isEmpty();
  }
}
