package dev.verbatim.followup.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.followup.internal.domain.CasePriority;
import dev.verbatim.followup.internal.domain.CaseStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaSettingsTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();

  private static SlaSettings settings(int high, int normal, int highAtOrBelow, Integer second) {
    SlaSettings settings = new SlaSettings();
    settings.highHours = high;
    settings.normalHours = normal;
    settings.highAtOrBelowScore = highAtOrBelow;
    settings.secondPeriodHours = Optional.ofNullable(second);
    settings.build();
    return settings;
  }

  @Test
  void configuredHoursAndThresholdDecidePriorityAndDueTime() {
    SlaSettings settings = settings(4, 48, 8, null);

    assertThat(settings.policy().priorityFor(8)).isEqualTo(CasePriority.HIGH);
    assertThat(settings.policy().priorityFor(9)).isEqualTo(CasePriority.NORMAL);
    assertThat(settings.policy().dueAt(CasePriority.HIGH, 0)).isEqualTo(4 * HOUR);
    assertThat(settings.policy().dueAt(CasePriority.NORMAL, 0)).isEqualTo(48 * HOUR);
  }

  @Test
  void aConfiguredSecondPeriodIsUsedForTheManagersLevel() {
    SlaSettings settings = settings(24, 72, 6, 2);

    assertThat(settings.escalation().levelDue(CaseStatus.OPEN, CasePriority.HIGH, 0L, 2 * HOUR + 1))
        .isEqualTo(2);
  }

  @Test
  void aDeadlineOfZeroHoursIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> settings(0, 72, 6, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("verbatim.sla.high-hours");
  }

  @Test
  void aScoreThresholdOutsideTheScaleIsRefused() {
    assertThatThrownBy(() -> settings(24, 72, 11, null))
        .hasMessageContaining("verbatim.sla.high-at-or-below-score");
  }
}
