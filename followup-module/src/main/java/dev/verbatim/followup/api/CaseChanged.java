package dev.verbatim.followup.api;

/**
 * Something about a case changed (opened, replied, closed, reassigned, reopened, escalated, a note
 * added, the customer answered). Fired synchronously inside the transaction that made the change,
 * after the change, so an observer reading {@link FollowupDirectory#caseSnapshot} sees it.
 */
public record CaseChanged(String caseId, String kind) {}
