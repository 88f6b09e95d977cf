package dev.verbatim.followup.api;

/**
 * Loop-closure aggregates for one survey.
 *
 * @param comments cases opened (one per non-empty comment)
 * @param routed cases with an owner (the guarantee says: all of them)
 * @param replied cases whose owner replied to the customer at least once
 * @param closed cases closed with a root cause
 * @param medianFirstReplyMillis median time from comment to first reply over replied cases; null
 *     when none
 */
public record ClosureCounts(
    long comments, long routed, long replied, long closed, Long medianFirstReplyMillis) {}
