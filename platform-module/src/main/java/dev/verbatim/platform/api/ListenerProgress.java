package dev.verbatim.platform.api;

/**
 * How far one listener of the module-event log has got.
 *
 * @param backlog events published and not yet applied (parked ones not counted)
 * @param parked events set aside because they could not be applied
 * @param oldestWaitingAt when the oldest event it has not applied was published, null when none
 *     waits
 * @param lastEventAt when the newest event it applied was published (epoch millis), null before the
 *     first
 * @param lastAppliedAt when it last applied a batch, null before the first
 * @param failures failed attempts in a row; 0 when its last attempt succeeded
 * @param lastError why its last attempt failed, null when it succeeded
 * @param parkedError why the newest parked event could not be applied, null when none is parked
 */
public record ListenerProgress(
    String listener,
    long backlog,
    long parked,
    Long oldestWaitingAt,
    Long lastEventAt,
    Long lastAppliedAt,
    int failures,
    String lastError,
    String parkedError) {}
