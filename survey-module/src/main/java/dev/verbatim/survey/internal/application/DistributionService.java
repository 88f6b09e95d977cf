package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.MailDeliveries;
import dev.verbatim.platform.api.ModuleEvents;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.ContactHold;
import dev.verbatim.survey.api.InvitationCreated;
import dev.verbatim.survey.internal.domain.AudienceFilter;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Distribution;
import dev.verbatim.survey.internal.domain.DistributionSkip;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.SendingRules;
import dev.verbatim.survey.internal.domain.SkipReason;
import dev.verbatim.survey.internal.domain.SuppressionReason;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.infrastructure.InvitationMail;
import dev.verbatim.survey.internal.persistence.ContactRepository;
import dev.verbatim.survey.internal.persistence.DistributionRepository;
import dev.verbatim.survey.internal.persistence.InvitationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends a published survey, now or at a scheduled time, to every contact, listed contacts or those
 * matching an attribute filter: one invitation with a personal link per contact, its email queued
 * in the outbox in the same transaction. Contacts the {@link SendingRules} exclude are recorded
 * with the reason.
 */
@ApplicationScoped
public class DistributionService {
  /** How many skipped contacts a progress view lists (all are counted). */
  public static final int SKIPPED_LISTED = 500;

  @Inject DistributionRepository distributions;
  @Inject InvitationRepository invitations;
  @Inject ContactRepository contactRows;

  @Inject Clock clock;
  @Inject SurveyService surveys;
  @Inject Outbox outbox;
  @Inject InvitationMail invitationMail;
  @Inject ModuleEvents events;
  @Inject SuppressionList suppressions;
  @Inject SendingSettings settings;
  @Inject MailDeliveries deliveries;
  @Inject Instance<ContactHold> holds;
  @Inject LinkOpenings openings;

  /**
   * @param contactIds exactly these contacts (null: every contact)
   * @param audience an attribute filter such as {@code region in (north, west) AND plan = gold}
   * @param scheduledAt epoch millis to send at (null or past: now)
   */
  public record Request(List<String> contactIds, String audience, Long scheduledAt) {}

  public record Sent(
      String distributionId,
      String state,
      Instant scheduledAt,
      int invited,
      int skippedAlreadyInvited,
      int skipped,
      Map<SkipReason, Integer> skippedByReason) {}

  public record SkippedContact(String contactId, String email, String name, SkipReason reason) {
    public String reasonLabel() {
      return reason.label();
    }
  }

  public record Progress(
      String id,
      String surveyId,
      String state,
      Instant scheduledAt,
      Instant sentAt,
      String audience,
      long invited,
      long queued,
      long sent,
      long failed,
      long bounced,
      long opened,
      long answered,
      long skipped,
      Map<SkipReason, Long> skippedByReason,
      List<SkippedContact> skippedContacts) {}

  /** Sends now to these contacts (null: everyone). */
  @Transactional
  public Sent send(String surveyId, List<String> contactIds) {
    return create(surveyId, new Request(contactIds, null, null));
  }

  @Transactional
  public Sent create(String surveyId, Request request) {
    Survey survey = surveys.find(surveyId);
    if (!survey.isPublished()) {
      throw new StateConflictException("Publish the survey before sending it.");
    }
    AudienceFilter filter = AudienceFilter.parse(request.audience());
    long now = clock.millis();
    boolean later = request.scheduledAt() != null && request.scheduledAt() > now;
    if (later && request.contactIds() != null) {
      throw new InvalidInputException(
          "scheduledAt",
          "a scheduled distribution goes to an audience filter, not listed contacts");
    }
    List<Contact> contacts = later ? List.of() : audience(request.contactIds(), filter);
    Distribution distribution =
        new Distribution(Ids.newId(), surveyId, filter.text(), request.scheduledAt(), now);
    // the invitations' foreign key needs the distribution row first (no JPA relationship orders it)
    distributions.addNow(distribution);
    if (later) {
      return new Sent(
          distribution.id(),
          distribution.state(),
          instant(request.scheduledAt()),
          0,
          0,
          0,
          Map.of());
    }
    return deliver(distribution, survey, contacts, now);
  }

  /** Scheduled distributions whose time has come. */
  public List<String> dueIds(long now) {
    return distributions.dueIds(now);
  }

  /**
   * Sends one due scheduled distribution. The state change is a conditional update, so when several
   * servers run the job only one of them sends it.
   *
   * @return false when it was not due or another server sent it
   */
  @Transactional
  public boolean sendIfDue(String distributionId, long now) {
    if (!distributions.claimDue(distributionId, now)) {
      return false;
    }
    Distribution distribution = distributions.findFresh(distributionId);
    Survey survey = surveys.find(distribution.surveyId());
    if (!survey.isPublished()) {
      distribution.markSent(now); // closed meanwhile: nothing goes out
      return true;
    }
    deliver(
        distribution, survey, audience(null, AudienceFilter.parse(distribution.audience())), now);
    return true;
  }

  private List<Contact> audience(List<String> contactIds, AudienceFilter filter) {
    List<Contact> contacts;
    if (contactIds == null) {
      contacts = contactRows.all();
    } else {
      contacts = contactRows.byIds(contactIds);
      if (contacts.size() != new HashSet<>(contactIds).size()) {
        throw new InvalidInputException(
            List.of(new FieldError("contactIds", "contains ids of contacts that do not exist")));
      }
    }
    List<Contact> matching =
        new ArrayList<>(contacts.stream().filter(c -> filter.matches(c.attributes())).toList());
    matching.sort((a, b) -> a.emailKey().compareTo(b.emailKey()));
    if (matching.isEmpty()) {
      throw new InvalidInputException(
          List.of(
              new FieldError(
                  filter.isEveryone() ? "contactIds" : "audience",
                  filter.isEveryone()
                      ? "there are no contacts to send to; add contacts first"
                      : "no contact matches this filter")));
    }
    return matching;
  }

  private Sent deliver(Distribution distribution, Survey survey, List<Contact> contacts, long now) {
    SendingRules rules = new SendingRules(settings.throttle());
    List<String> ids = contacts.stream().map(Contact::id).toList();
    Map<String, SuppressionReason> suppressed =
        suppressions.reasonsFor(contacts.stream().map(Contact::emailKey).toList());
    Set<String> invitedHere = invitedToSurvey(survey.id());
    Map<String, Long> lastInvited = lastInvitedSince(now - rules.throttle().toMillis());
    Set<String> onHold = new HashSet<>();
    for (ContactHold hold : holds) {
      onHold.addAll(hold.contactsOnHold(ids));
    }
    int invited = 0;
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    for (Contact contact : contacts) {
      SendingRules.Facts facts =
          new SendingRules.Facts(
              suppressed.get(contact.emailKey()),
              invitedHere.contains(contact.id()),
              lastInvited.get(contact.id()),
              onHold.contains(contact.id()));
      var reason = rules.skipReason(facts, now);
      if (reason.isPresent()) {
        distributions.addSkip(new DistributionSkip(distribution.id(), contact.id(), reason.get()));
        skipped.merge(reason.get(), 1, Integer::sum);
        continue;
      }
      String invitationId = Ids.newId();
      String token = settings.tokenKey().tokenFor(invitationId);
      Invitation invitation =
          new Invitation(
              invitationId,
              survey.id(),
              distribution.id(),
              contact.id(),
              InvitationTokens.hash(token),
              now);
      invitations.add(invitation);
      events.publish(
          InvitationCreated.TYPE,
          invitation.id(),
          new InvitationCreated(
              invitation.id(),
              survey.id(),
              contact.id(),
              invitation.createdAt(),
              contact.attributes()));
      invitation.recordMessageId(outbox.enqueue(invitationMail.compose(survey, contact, token)));
      invited++;
    }
    int skippedTotal = skipped.values().stream().mapToInt(Integer::intValue).sum();
    distribution.count(invited, skippedTotal);
    distribution.markSent(now);
    return new Sent(
        distribution.id(),
        distribution.state(),
        instant(distribution.scheduledAt()),
        invited,
        skipped.getOrDefault(SkipReason.ALREADY_INVITED, 0),
        skippedTotal,
        skipped);
  }

  private Set<String> invitedToSurvey(String surveyId) {
    return new HashSet<>(invitations.contactIdsOfSurvey(surveyId));
  }

  private Map<String, Long> lastInvitedSince(long since) {
    return invitations.lastInvitedSince(since);
  }

  public List<Distribution> ofSurvey(String surveyId) {
    return distributions.ofSurvey(surveyId);
  }

  public Progress progress(String distributionId) {
    openings.flushSafely();
    Distribution d = distributions.find(distributionId);
    if (d == null) {
      throw new ResourceNotFoundException("No such distribution.");
    }
    Object[] counts = invitations.countsOf(distributionId);
    List<String> messageIds = invitations.messageIdsOf(distributionId);
    Map<MailDeliveries.Delivery, Long> mail = deliveries.count(messageIds);
    Map<SkipReason, Long> byReason = distributions.skipsByReason(distributionId);
    List<SkippedContact> listed =
        distributions.skipped(distributionId, SKIPPED_LISTED).stream()
            .map(
                row ->
                    new SkippedContact(
                        row.contact().id(),
                        row.contact().email(),
                        row.contact().name(),
                        row.skip().reason()))
            .toList();
    return new Progress(
        d.id(),
        d.surveyId(),
        d.state(),
        instant(d.scheduledAt()),
        instant(d.sentAt()),
        d.audience(),
        number(counts[0]),
        mail.get(MailDeliveries.Delivery.QUEUED),
        mail.get(MailDeliveries.Delivery.SENT),
        mail.get(MailDeliveries.Delivery.FAILED),
        number(counts[1]),
        number(counts[2]),
        number(counts[3]),
        byReason.values().stream().mapToLong(Long::longValue).sum(),
        byReason,
        listed);
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
