package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.survey.internal.domain.Distribution;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Distribution values at the edge: times as ISO-8601 in UTC. */
final class DistributionJson {
  private DistributionJson() {}

  /** Public, or JSON-B cannot read its components and the list answered an error. */
  public record Summary(
      String id,
      String state,
      String audience,
      String scheduledAt,
      String sentAt,
      int invited,
      int skipped) {}

  static Summary summary(Distribution d) {
    return new Summary(
        d.id(),
        d.state(),
        d.audience(),
        iso(d.scheduledAt()),
        iso(d.sentAt()),
        d.invited(),
        d.skipped());
  }

  static String iso(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }

  /** For pages: {@code 2026-12-01 09:00 UTC}. */
  static String readable(Long millis) {
    return millis == null
        ? null
        : READABLE.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC)) + " UTC";
  }

  static String readable(Instant instant) {
    return instant == null ? null : readable(instant.toEpochMilli());
  }

  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** ISO-8601 instant ({@code 2026-12-01T09:00:00Z}) or, from a form, a UTC local date-time. */
  static Long instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip()).toEpochMilli();
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            field, "is not a date and time; use the form 2026-12-01T09:00:00Z");
      }
    }
  }
}
