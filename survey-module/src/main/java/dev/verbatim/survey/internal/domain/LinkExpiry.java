package dev.verbatim.survey.internal.domain;

import java.time.Duration;

/** A personal link works for a configured number of days after its invitation was created. */
public record LinkExpiry(int days) {

  public boolean isExpired(long invitationCreatedAt, long now) {
    return now - invitationCreatedAt >= Duration.ofDays(days).toMillis();
  }
}
