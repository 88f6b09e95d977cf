package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {
  private static final DigestSchedule WEEKLY = new DigestSchedule("weekly", DayOfWeek.MONDAY, 7);
  private static final DigestSchedule DAILY = new DigestSchedule("daily", DayOfWeek.MONDAY, 7);

  @Test
  void weeklyRunsOnTheDayAndHourAfterNow() {
    // 2026-03-04 is a Wednesday
    assertThat(WEEKLY.nextRun(Instant.parse("2026-03-04T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    assertThat(WEEKLY.nextRun(Instant.parse("2026-03-09T06:59:59Z")))
        .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    assertThat(WEEKLY.nextRun(Instant.parse("2026-03-09T07:00:00Z")))
        .as("exactly at a run, the next is a week later")
        .isEqualTo(Instant.parse("2026-03-16T07:00:00Z"));
    assertThat(WEEKLY.lastRun(Instant.parse("2026-03-09T07:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
  }

  @Test
  void dailyRunsEveryDayAtTheHour() {
    assertThat(DAILY.nextRun(Instant.parse("2026-03-04T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-05T07:00:00Z"));
    assertThat(DAILY.nextRun(Instant.parse("2026-03-04T06:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-04T07:00:00Z"));
  }

  @Test
  void offNeverRuns() {
    DigestSchedule off = new DigestSchedule("off", DayOfWeek.MONDAY, 7);
    assertThat(off.nextRun(Instant.parse("2026-03-04T10:00:00Z"))).isNull();
    assertThat(off.isOff()).isTrue();
  }

  @Test
  void aWeeklyDigestCoversTheSevenDaysBeforeItsRunAndComparesWithTheSevenBefore() {
    DigestSchedule.Period p = WEEKLY.periodFor(Instant.parse("2026-03-09T07:00:00Z"));
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(p.to()).isEqualTo(LocalDate.of(2026, 3, 8));
    assertThat(p.key()).isEqualTo("weekly:2026-03-02");
    assertThat(p.previous().from()).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(p.previous().to()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(DAILY.periodFor(Instant.parse("2026-03-09T07:00:00Z")).from())
        .isEqualTo(LocalDate.of(2026, 3, 8));
  }

  @Test
  void anUnknownFrequencyIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new DigestSchedule("hourly", DayOfWeek.MONDAY, 7))
        .hasMessageContaining("verbatim.digest.schedule");
  }
}
