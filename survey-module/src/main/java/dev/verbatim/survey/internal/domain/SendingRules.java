package dev.verbatim.survey.internal.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Who a distribution may invite. In order: an address on the suppression list is never mailed; a
 * contact is invited to a survey once; a contact invited to any survey within the throttle period
 * is left alone; a contact with an open case is not surveyed while someone is working on it.
 *
 * @param throttle how long after an invitation the contact is not invited again (zero: off)
 */
public record SendingRules(Duration throttle) {

  /** What is known about one contact of the audience when the distribution is sent. */
  public record Facts(
      SuppressionReason suppressed,
      boolean invitedToThisSurvey,
      Long lastInvitedAt,
      boolean hasOpenCase) {}

  public Optional<SkipReason> skipReason(Facts facts, long now) {
    if (facts.suppressed() != null) {
      return Optional.of(facts.suppressed().asSkipReason());
    }
    if (facts.invitedToThisSurvey()) {
      return Optional.of(SkipReason.ALREADY_INVITED);
    }
    if (facts.lastInvitedAt() != null
        && !throttle.isZero()
        && now - facts.lastInvitedAt() < throttle.toMillis()) {
      return Optional.of(SkipReason.THROTTLED);
    }
    if (facts.hasOpenCase()) {
      return Optional.of(SkipReason.OPEN_CASE);
    }
    return Optional.empty();
  }
}
