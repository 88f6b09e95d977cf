package dev.verbatim.platform.internal.infrastructure;

/**
 * The outbox at one moment, for health and metrics.
 *
 * @param pending queued, not yet sent and not given up
 * @param retrying pending messages that failed at least once
 * @param failed given up (permanent error or too many attempts)
 * @param oldestPendingSeconds age of the oldest pending message, 0 without any
 * @param nextRetrySeconds time until the earliest retry of a retrying message is due, 0 when due
 *     now or none waits
 * @param highestAttempts the most attempts any pending message has had
 */
public record OutboxSnapshot(
    long pending,
    long retrying,
    long failed,
    long oldestPendingSeconds,
    long nextRetrySeconds,
    long highestAttempts) {

  static OutboxSnapshot of(Object[] row, long now) {
    long oldestCreated = number(row[3]);
    long nextRetryAt = number(row[4]);
    return new OutboxSnapshot(
        number(row[0]),
        number(row[1]),
        number(row[2]),
        row[3] == null ? 0 : Math.max(0, (now - oldestCreated) / 1000),
        row[4] == null ? 0 : Math.max(0, (nextRetryAt - now + 999) / 1000),
        number(row[5]));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
