package dev.verbatim.survey.internal.domain;

import java.time.Duration;

/** A personal link works for a configured number of days after its invitation was created. */
public record LinkExpiry(int days) {

  /** A reminder is only worth sending when the customer still has this long to answer. */
  public static final Duration REMINDER_MARGIN = Duration.ofDays(1);

  public boolean isExpired(long invitationCreatedAt, long now) {
    return now - invitationCreatedAt >= Duration.ofDays(days).toMillis();
  }

  /**
   * The oldest invitation time whose link still works for {@link #REMINDER_MARGIN} after {@code
   * now}: older invitations are not reminded, so a reminder never carries a dead link.
   */
  public long oldestRemindableAt(long now) {
    return now + REMINDER_MARGIN.toMillis() - Duration.ofDays(days).toMillis();
  }
}
