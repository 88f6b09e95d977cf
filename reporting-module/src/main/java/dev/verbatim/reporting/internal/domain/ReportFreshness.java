package dev.verbatim.reporting.internal.domain;

import java.time.Instant;

/**
 * How current the report figures are. Reports are kept from the module-event log after each
 * customer's transaction commits, so they trail it by the events not yet applied.
 *
 * @param lastEventAt when the newest event counted in the figures happened; null before the first
 * @param waiting events published and not yet counted
 * @param oldestWaitingAt when the oldest change not yet counted happened; null when none waits
 */
public record ReportFreshness(
    Instant lastEventAt, long waiting, Instant oldestWaitingAt, boolean upToDate) {

  public static ReportFreshness of(Long lastEventAtMillis, long waiting, Long oldestWaitingAt) {
    return new ReportFreshness(
        instant(lastEventAtMillis), waiting, instant(oldestWaitingAt), waiting == 0);
  }

  /** Before the log has a listener row (a server still starting): nothing is known to wait. */
  public static ReportFreshness unknown() {
    return new ReportFreshness(null, 0, null, true);
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
