package dev.verbatim.followup.api;

/**
 * Something about a case changed (opened, replied, closed, reassigned, reopened, escalated, a note
 * added, the customer answered). Published to the module-event log as {@link #TYPE} inside the
 * transaction that made the change, after the change, carrying the case as it was and as it is, so
 * a listener never reads the case back.
 *
 * @param before the case before this change; null when the change opened it
 * @param after the case after this change
 */
public record CaseChanged(String caseId, String kind, CaseSnapshot before, CaseSnapshot after) {
  public static final String TYPE = "followup.case-changed";
}
