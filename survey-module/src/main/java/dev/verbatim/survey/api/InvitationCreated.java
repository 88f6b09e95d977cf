package dev.verbatim.survey.api;

/**
 * A personal invitation was created (and its mail queued). Fired synchronously inside the
 * transaction that creates it, so reports count invitations exactly as they are committed.
 */
public record InvitationCreated(
    String invitationId, String surveyId, String contactId, long createdAt) {}
