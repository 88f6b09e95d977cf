package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.SuppressionReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * One-click unsubscribe through the personal token of any survey mail. Works after the survey link
 * expired: leaving must always be possible.
 */
@ApplicationScoped
public class UnsubscribeService {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject SuppressionList suppressions;

  /** The address the token belongs to, shown partly hidden, and whether it already left. */
  public record Subscriber(String maskedEmail, boolean unsubscribed) {}

  public Subscriber find(String token) {
    Contact contact = contactOf(token);
    return new Subscriber(
        mask(contact.email()),
        suppressions.reasonFor(contact.email()).orElse(null) == SuppressionReason.UNSUBSCRIBED);
  }

  /** Idempotent: unsubscribing twice changes nothing. */
  @Transactional
  public Subscriber unsubscribe(String token) {
    Contact contact = contactOf(token);
    suppressions.suppress(contact.email(), SuppressionReason.UNSUBSCRIBED, "one-click unsubscribe");
    return new Subscriber(mask(contact.email()), true);
  }

  private Contact contactOf(String token) {
    if (!InvitationTokens.wellFormed(token)) {
      throw new ResourceNotFoundException("This unsubscribe link is not valid.");
    }
    return em
        .createQuery(
            "SELECT c FROM Invitation i, Contact c WHERE i.tokenHash = :h AND c.id = i.contactId",
            Contact.class)
        .setParameter("h", InvitationTokens.hash(token))
        .getResultList()
        .stream()
        .findFirst()
        .orElseThrow(() -> new ResourceNotFoundException("This unsubscribe link is not valid."));
  }

  /** {@code a***@example.com}: enough to recognise one's address, not to harvest it. */
  static String mask(String email) {
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}
