package dev.verbatim.reporting.internal.domain;

import dev.verbatim.platform.api.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A period of whole days in UTC, both ends inclusive ({@code from=2026-11-01&to=2026-11-30} is all
 * of November); either end may be open.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
  public static final long DAY_MILLIS = 86_400_000L;

  public ReportPeriod {
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidInputException(
          "from", "The start of the period (from) is after its end (to).");
    }
  }

  public static ReportPeriod parse(String from, String to) {
    return new ReportPeriod(date("from", from), date("to", to));
  }

  /** A period with both ends: missing ends default to the {@code days} days up to {@code today}. */
  public static ReportPeriod parseOrLast(String from, String to, LocalDate today, int days) {
    ReportPeriod p = parse(from, to);
    LocalDate end =
        p.to() == null ? (p.from() == null ? today : p.from().plusDays(days - 1)) : p.to();
    LocalDate start = p.from() == null ? end.minusDays(days - 1) : p.from();
    return new ReportPeriod(start, end);
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Use a date like 2026-11-30 (year-month-day).");
    }
  }

  /** First millisecond of the period, or null when open. */
  public Long startMillis() {
    return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** First millisecond after the period, or null when open. */
  public Long endMillis() {
    return to == null
        ? null
        : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The period of the same length just before this one (both ends needed). */
  public ReportPeriod previous() {
    long days = to.toEpochDay() - from.toEpochDay() + 1;
    return new ReportPeriod(from.minusDays(days), from.minusDays(1));
  }

  public String fromText() {
    return from == null ? "" : from.toString();
  }

  public String toText() {
    return to == null ? "" : to.toString();
  }
}
