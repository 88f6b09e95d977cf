package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.MailBounced;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.SuppressionReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

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
        messageId == null
            ? List.of()
            : em.createQuery("SELECT i FROM Invitation i WHERE i.messageId = :m", Invitation.class)
                .setParameter("m", messageId)
                .getResultList();
    if (invitations.isEmpty()) {
      // A reminder, or a report without the original Message-ID: the contact's latest invitation.
      invitations =
          em.createQuery(
                  "SELECT i FROM Invitation i, Contact c WHERE c.id = i.contactId"
                      + " AND c.emailKey = :k AND i.answeredAt IS NULL ORDER BY i.createdAt DESC",
                  Invitation.class)
              .setParameter("k", Contact.keyOf(recipient))
              .setMaxResults(1)
              .getResultList();
    }
    invitations.forEach(i -> i.markBounced(now));
    LOG.info(() -> "Suppressed a bounced address (" + detail + ")");
    return !invitations.isEmpty()
        || !em.createQuery("SELECT c.id FROM Contact c WHERE c.emailKey = :k", String.class)
            .setParameter("k", Contact.keyOf(recipient))
            .getResultList()
            .isEmpty();
  }
}
