package dev.verbatim.followup.internal.domain;

import java.time.Duration;

/** How long something took or is late, as people say it: "2 d 4 h", "3 h 5 min", "12 min". */
public final class Waited {
  private Waited() {}

  public static String human(long millis) {
    Duration d = Duration.ofMillis(Math.max(millis, 0));
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    return d.toMinutes() == 0 ? "less than a minute" : d.toMinutes() + " min";
  }
}
