package dev.verbatim.followup.internal.domain;

import java.time.Duration;

/**
 * Priority from the score and the time allowed to answer per priority. Defaults: detractors (0–6)
 * are HIGH with 24 hours; everyone else, and comments without a score, NORMAL with 72 hours.
 */
public record SlaPolicy(int highAtOrBelowScore, Duration high, Duration normal) {
  public static final SlaPolicy DEFAULT =
      new SlaPolicy(6, Duration.ofHours(24), Duration.ofHours(72));

  public CasePriority priorityFor(Integer score) {
    return score != null && score <= highAtOrBelowScore ? CasePriority.HIGH : CasePriority.NORMAL;
  }

  public long dueAt(CasePriority priority, long from) {
    return from + duration(priority).toMillis();
  }

  /** The time allowed to answer a case of this priority. */
  public Duration duration(CasePriority priority) {
    return priority == CasePriority.HIGH ? high : normal;
  }
}
