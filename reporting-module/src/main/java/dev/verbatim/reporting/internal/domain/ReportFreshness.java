package dev.verbatim.reporting.internal.domain;

import java.time.Instant;

/**
 * How current the report figures are. Reports are kept from the module-event log after each
 * customer's transaction commits, so they trail it by the events not yet applied.
 *
 * @param lastEventAt when the newest event counted in the figures happened; null before the first
 * @param waiting events published and not yet counted
 */
public record ReportFreshness(Instant lastEventAt, long waiting, boolean upToDate) {

  public static ReportFreshness of(Long lastEventAtMillis, long waiting) {
    return new ReportFreshness(
        lastEventAtMillis == null ? null : Instant.ofEpochMilli(lastEventAtMillis),
        waiting,
        waiting == 0);
  }

  /** Before the log has a listener row (a server still starting): nothing is known to wait. */
  public static ReportFreshness unknown() {
    return new ReportFreshness(null, 0, true);
  }
}
