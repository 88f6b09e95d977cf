package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LinkExpiryTest {
  private static final Instant SENT = Instant.parse("2026-03-01T09:00:00Z");

  private static long after(Duration elapsed) {
    return Clock.fixed(SENT.plus(elapsed), ZoneOffset.UTC).millis();
  }

  @Test
  void aLinkWorksUntilTheConfiguredNumberOfDaysHavePassed() {
    LinkExpiry expiry = new LinkExpiry(30);
    long sent = SENT.toEpochMilli();
    assertThat(expiry.isExpired(sent, after(Duration.ofDays(30).minusMinutes(1)))).isFalse();
    assertThat(expiry.isExpired(sent, after(Duration.ofDays(30)))).isTrue();
    assertThat(new LinkExpiry(7).isExpired(sent, after(Duration.ofDays(8)))).isTrue();
  }

  @Test
  void aReminderIsOnlyDueWhileTheLinkStillWorksForADay() {
    LinkExpiry expiry = new LinkExpiry(30);
    long sent = SENT.toEpochMilli();
    assertThat(sent).isGreaterThan(expiry.oldestRemindableAt(after(Duration.ofDays(28))));
    assertThat(sent).isEqualTo(expiry.oldestRemindableAt(after(Duration.ofDays(29))));
    assertThat(sent).isLessThan(expiry.oldestRemindableAt(after(Duration.ofDays(29).plusHours(1))));
  }
}
