package dev.verbatim.followup.api;

/**
 * A case as reports see it: the comment and score it came from, who owns it, and the times that
 * loop-closure figures are computed from (all epoch millis; null when it has not happened).
 *
 * @param status OPEN or CLOSED
 * @param rootCause the root-cause code it was closed with, null while open
 */
public record CaseSnapshot(
    String caseId,
    String responseId,
    String surveyId,
    String contactId,
    String questionKey,
    String comment,
    Integer score,
    String teamId,
    String ownerId,
    String status,
    String priority,
    long openedAt,
    Long dueAt,
    Long firstReplyAt,
    Long closedAt,
    String rootCause,
    int escalationLevel) {}
