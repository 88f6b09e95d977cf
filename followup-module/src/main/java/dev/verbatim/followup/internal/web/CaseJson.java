package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.survey.api.ContactView;
import java.util.List;
import java.util.Map;

/** A case as the API shows it: the customer's words first. */
public record CaseJson(
    String id,
    String comment,
    Integer score,
    String status,
    String surveyId,
    String surveyTitle,
    Customer customer,
    Owner owner,
    String routedBy,
    String rootCause,
    String resolution,
    long createdAt,
    Long firstReplyAt,
    Long closedAt,
    String priority,
    Long dueAt,
    boolean overdue,
    int escalationLevel,
    List<Message> messages,
    List<Event> events) {

  public record Customer(String name, String email, Map<String, String> attributes) {}

  public record Owner(String id, String name) {}

  public record Message(String direction, String authorId, String body, long createdAt) {}

  /** One line of the audit trail: when, who (a display name; "Verbatim" for the system), what. */
  public record Event(long at, String actor, String kind, String detail) {}

  static CaseJson of(
      FollowupCase c,
      String surveyTitle,
      ContactView contact,
      Owner owner,
      List<CaseMessage> messages,
      List<Event> events,
      long now) {
    return new CaseJson(
        c.id(),
        c.comment(),
        c.score(),
        c.status().name(),
        c.surveyId(),
        surveyTitle,
        contact == null
            ? null
            : new Customer(contact.name(), contact.email(), contact.attributes()),
        owner,
        c.routedBy(),
        c.rootCause(),
        c.resolution(),
        c.createdAt(),
        c.firstReplyAt(),
        c.closedAt(),
        c.priority().name(),
        c.dueAt(),
        c.isOverdue(now),
        c.escalationLevel(),
        messages.stream()
            .map(m -> new Message(m.direction(), m.authorId(), m.body(), m.createdAt()))
            .toList(),
        events);
  }
}
