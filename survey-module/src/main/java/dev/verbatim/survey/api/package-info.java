/**
 * What other modules may use of surveys: the {@link dev.verbatim.survey.api.ResponseSubmitted}
 * event (fired inside the response's transaction, and published to the module-event log with {@link
 * dev.verbatim.survey.api.InvitationCreated}), read-only views of surveys, responses and contacts,
 * aggregate counts for reports, and the publish precondition hook.
 */
package dev.verbatim.survey.api;
