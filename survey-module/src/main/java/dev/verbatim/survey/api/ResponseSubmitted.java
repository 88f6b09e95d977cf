package dev.verbatim.survey.api;

/**
 * A customer completed a survey. Fired synchronously inside the transaction that stores the
 * response: an observer that throws rolls the response back too (no comment without a case).
 */
public record ResponseSubmitted(
    String responseId, String surveyId, String invitationId, String contactId, long submittedAt) {}
