package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendingRulesTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long NOW = 1_000 * DAY;
  private final SendingRules rules = new SendingRules(Duration.ofDays(30));

  private static SendingRules.Facts facts(
      SuppressionReason suppressed, boolean here, Long lastInvited, boolean openCase) {
    return new SendingRules.Facts(suppressed, here, lastInvited, openCase);
  }

  @Test
  void aContactInvitedToAnySurveyWithinTheThrottlePeriodIsSkipped() {
    assertThat(rules.skipReason(facts(null, false, NOW - 29 * DAY, false), NOW))
        .contains(SkipReason.THROTTLED);
    assertThat(rules.skipReason(facts(null, false, NOW - 30 * DAY, false), NOW)).isEmpty();
    assertThat(rules.skipReason(facts(null, false, null, false), NOW)).isEmpty();
  }

  @Test
  void zeroDaysTurnsThrottlingOff() {
    assertThat(new SendingRules(Duration.ZERO).skipReason(facts(null, false, NOW - 1, false), NOW))
        .isEmpty();
  }

  @Test
  void aContactWithAnOpenCaseIsSkipped() {
    assertThat(rules.skipReason(facts(null, false, null, true), NOW))
        .contains(SkipReason.OPEN_CASE);
  }

  @Test
  void suppressedAddressesAreSkippedWithTheirReasonBeforeAnythingElse() {
    assertThat(rules.skipReason(facts(SuppressionReason.UNSUBSCRIBED, true, NOW, true), NOW))
        .contains(SkipReason.UNSUBSCRIBED);
    assertThat(rules.skipReason(facts(SuppressionReason.BOUNCED, false, null, false), NOW))
        .contains(SkipReason.BOUNCED);
  }

  @Test
  void aContactIsInvitedToTheSameSurveyOnce() {
    assertThat(rules.skipReason(facts(null, true, NOW - 400 * DAY, false), NOW))
        .contains(SkipReason.ALREADY_INVITED);
  }
}
