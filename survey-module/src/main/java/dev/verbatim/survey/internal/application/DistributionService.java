package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.InvitationCreated;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Distribution;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.infrastructure.InvitationMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends a published survey: one invitation with a personal token per contact, and its email queued
 * in the outbox in the same transaction. A contact already invited to the survey is skipped.
 */
@ApplicationScoped
public class DistributionService {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject SurveyService surveys;
  @Inject Outbox outbox;
  @Inject InvitationMail invitationMail;
  @Inject Event<InvitationCreated> invitationCreated;

  public record Sent(String distributionId, int invited, int skippedAlreadyInvited) {}

  /**
   * @param contactIds the contacts to invite, or null for every contact
   */
  @Transactional
  public Sent send(String surveyId, List<String> contactIds) {
    Survey survey = surveys.find(surveyId);
    if (!survey.isPublished()) {
      throw new StateConflictException("Publish the survey before sending it.");
    }
    List<Contact> contacts =
        contactIds == null
            ? em.createQuery("SELECT c FROM Contact c ORDER BY c.emailKey", Contact.class)
                .getResultList()
            : em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
                .setParameter("ids", contactIds)
                .getResultList();
    if (contactIds != null && contacts.size() != new HashSet<>(contactIds).size()) {
      throw new InvalidInputException(
          List.of(new FieldError("contactIds", "contains ids of contacts that do not exist")));
    }
    if (contacts.isEmpty()) {
      throw new InvalidInputException(
          List.of(
              new FieldError(
                  "contactIds", "there are no contacts to send to; add contacts first")));
    }
    Set<String> alreadyInvited =
        new HashSet<>(
            em.createQuery(
                    "SELECT i.contactId FROM Invitation i WHERE i.surveyId = :s", String.class)
                .setParameter("s", surveyId)
                .getResultList());
    long now = clock.millis();
    Distribution distribution = new Distribution(Ids.newId(), surveyId, now);
    em.persist(distribution);
    em.flush(); // the invitations' foreign key needs the distribution row first (no JPA
    // relationship orders it)
    int invited = 0;
    for (Contact contact : contacts) {
      if (alreadyInvited.contains(contact.id())) {
        continue;
      }
      String token = InvitationTokens.newToken();
      Invitation invitation =
          new Invitation(
              Ids.newId(),
              surveyId,
              distribution.id(),
              contact.id(),
              InvitationTokens.hash(token),
              now);
      em.persist(invitation);
      invitationCreated.fire(
          new InvitationCreated(invitation.id(), surveyId, contact.id(), invitation.createdAt()));
      invitation.recordMessageId(outbox.enqueue(invitationMail.compose(survey, contact, token)));
      invited++;
    }
    distribution.count(invited, contacts.size() - invited);
    return new Sent(distribution.id(), invited, contacts.size() - invited);
  }
}
