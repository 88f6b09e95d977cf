package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.SuppressionReason;
import dev.verbatim.survey.internal.persistence.ContactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * One-click unsubscribe through the personal token of any survey mail. Works after the survey link
 * expired: leaving must always be possible.
 */
@ApplicationScoped
public class UnsubscribeService {
  @Inject ContactRepository contacts;

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
    return contacts
        .byInvitationTokenHash(InvitationTokens.hash(token))
        .orElseThrow(() -> new ResourceNotFoundException("This unsubscribe link is not valid."));
  }

  /** {@code a***@example.com}: enough to recognise one's address, not to harvest it. */
  static String mask(String email) {
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }
}
