package dev.verbatim.reporting.internal.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When the digest goes out (UTC) and which period it covers: weekly on {@code day} at {@code hour}
 * covering the seven days before, daily at {@code hour} covering the day before, or off.
 */
public record DigestSchedule(String frequency, DayOfWeek day, int hour) {

  /** The period a digest covers (both ends included) and the one before it, for the change. */
  public record Period(String key, LocalDate from, LocalDate to) {
    public Period previous() {
      long days = to.toEpochDay() - from.toEpochDay() + 1;
      return new Period(
          key.substring(0, key.indexOf(':') + 1) + from.minusDays(days),
          from.minusDays(days),
          to.minusDays(days));
    }
  }

  public DigestSchedule {
    frequency = frequency == null ? "weekly" : frequency.strip().toLowerCase(Locale.ROOT);
    if (!frequency.equals("weekly") && !frequency.equals("daily") && !frequency.equals("off")) {
      throw new IllegalArgumentException(
          "verbatim.digest.schedule must be weekly, daily or off, was " + frequency);
    }
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("verbatim.digest.hour must be 0..23, was " + hour);
    }
  }

  public boolean isOff() {
    return frequency.equals("off");
  }

  /** The first scheduled time strictly after {@code now}; null when off. */
  public Instant nextRun(Instant now) {
    if (isOff()) {
      return null;
    }
    LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    LocalDateTime candidate = t.toLocalDate().atTime(hour, 0);
    if (frequency.equals("weekly")) {
      candidate = candidate.with(TemporalAdjusters.nextOrSame(day));
    }
    if (!candidate.isAfter(t)) {
      candidate = frequency.equals("weekly") ? candidate.plusWeeks(1) : candidate.plusDays(1);
    }
    return candidate.toInstant(ZoneOffset.UTC);
  }

  /** The latest scheduled time at or before {@code now}; null when off. */
  public Instant lastRun(Instant now) {
    if (isOff()) {
      return null;
    }
    Instant next = nextRun(now);
    LocalDateTime n = LocalDateTime.ofInstant(next, ZoneOffset.UTC);
    return (frequency.equals("weekly") ? n.minusWeeks(1) : n.minusDays(1))
        .toInstant(ZoneOffset.UTC);
  }

  /** The period a digest sent at {@code run} covers: the whole days before the run's day. */
  public Period periodFor(Instant run) {
    LocalDate runDay = LocalDate.ofInstant(run, ZoneOffset.UTC);
    int days = frequency.equals("daily") ? 1 : 7;
    LocalDate from = runDay.minusDays(days);
    return new Period(frequency + ":" + from, from, runDay.minusDays(1));
  }
}
