package dev.verbatim.survey.api;

import java.util.Map;

/**
 * A personal invitation was created (and its mail queued). Published to the module-event log as
 * {@link #TYPE} inside the transaction that creates it, so reports count invitations exactly as
 * they are committed.
 *
 * @param segments the contact's attributes when invited
 */
public record InvitationCreated(
    String invitationId,
    String surveyId,
    String contactId,
    long createdAt,
    Map<String, String> segments) {

  public static final String TYPE = "survey.invitation-created";

  public InvitationCreated {
    segments = segments == null ? Map.of() : Map.copyOf(segments);
  }
}
