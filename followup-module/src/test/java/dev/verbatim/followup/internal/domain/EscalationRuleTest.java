package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EscalationRuleTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final EscalationRule SAME_PERIOD_AGAIN =
      new EscalationRule(SlaPolicy.DEFAULT, null);
  private static final RootCause DEFECT = new RootCause("PRODUCT_DEFECT", "Product defect", 1);

  /** A detractor's case opened at 0: HIGH, due at 24 h. */
  private static FollowupCase detractorCase() {
    return new FollowupCase(
        "c1",
        "r1",
        "s1",
        "k1",
        "why",
        "The parcel never came.",
        2,
        new Assignment("o1", "t1", Assignment.SURVEY_TEAM),
        SlaPolicy.DEFAULT,
        0L);
  }

  @Test
  void aCaseWithinItsDeadlineDoesNotEscalate() {
    assertThat(SAME_PERIOD_AGAIN.levelsToReach(detractorCase(), 24 * HOUR)).isEmpty();
  }

  @Test
  void anOpenCasePastItsDueTimeGoesToTheTeamLead() {
    assertThat(SAME_PERIOD_AGAIN.levelsToReach(detractorCase(), 24 * HOUR + 1)).containsExactly(1);
  }

  @Test
  void stillOverdueAfterTheSameSlaPeriodAgainItGoesToTheManagers() {
    FollowupCase c = detractorCase();
    c.markEscalated(1, 25 * HOUR);

    assertThat(SAME_PERIOD_AGAIN.levelsToReach(c, 48 * HOUR)).isEmpty();
    assertThat(SAME_PERIOD_AGAIN.levelsToReach(c, 48 * HOUR + 1)).containsExactly(2);
  }

  @Test
  void aNormalPriorityCaseWaitsItsOwnSeventyTwoHoursForTheSecondLevel() {
    FollowupCase promoter =
        new FollowupCase(
            "c2",
            "r1",
            "s1",
            "k1",
            "why",
            "Fine.",
            9,
            new Assignment("o1", null, Assignment.FALLBACK),
            SlaPolicy.DEFAULT,
            0L);

    assertThat(
            SAME_PERIOD_AGAIN.levelDue(
                CaseStatus.OPEN, promoter.priority(), promoter.dueAt(), 144 * HOUR))
        .isEqualTo(1);
    assertThat(
            SAME_PERIOD_AGAIN.levelDue(
                CaseStatus.OPEN, promoter.priority(), promoter.dueAt(), 144 * HOUR + 1))
        .isEqualTo(2);
  }

  @Test
  void aConfiguredSecondPeriodReplacesTheSlaDuration() {
    EscalationRule fourHoursLater = new EscalationRule(SlaPolicy.DEFAULT, Duration.ofHours(4));
    FollowupCase c = detractorCase();
    c.markEscalated(1, 25 * HOUR);

    assertThat(fourHoursLater.levelsToReach(c, 28 * HOUR + 1)).containsExactly(2);
  }

  @Test
  void noLevelIsReachedTwice() {
    FollowupCase c = detractorCase();
    c.markEscalated(1, 25 * HOUR);
    c.markEscalated(2, 49 * HOUR);

    assertThat(SAME_PERIOD_AGAIN.levelsToReach(c, 1000 * HOUR)).isEmpty();
  }

  @Test
  void aCaseTheScheduleMissedForLongReachesBothLevelsInOrder() {
    assertThat(SAME_PERIOD_AGAIN.levelsToReach(detractorCase(), 100 * HOUR)).containsExactly(1, 2);
  }

  @Test
  void aRepliedCaseNeverEscalates() {
    FollowupCase c = detractorCase();
    c.reply("We are sending a new parcel today.", HOUR);

    assertThat(SAME_PERIOD_AGAIN.levelsToReach(c, 100 * HOUR)).isEmpty();
  }

  @Test
  void aClosedCaseNeverEscalates() {
    FollowupCase c = detractorCase();
    c.close(DEFECT, null, HOUR);

    assertThat(SAME_PERIOD_AGAIN.levelsToReach(c, 100 * HOUR)).isEmpty();
  }

  @Test
  void whenTheCustomerWritesBackTheDeadlineAndEscalationStartAgain() {
    FollowupCase c = detractorCase();
    c.markEscalated(1, 25 * HOUR);
    c.reply("Sorry, a new parcel is on its way.", 26 * HOUR);
    c.customerReplied(SlaPolicy.DEFAULT, 30 * HOUR);

    assertThat(SAME_PERIOD_AGAIN.levelsToReach(c, 54 * HOUR)).isEmpty();
    assertThat(SAME_PERIOD_AGAIN.levelsToReach(c, 54 * HOUR + 1)).containsExactly(1);
  }
}
