package dev.verbatim.followup.internal.domain;

import java.util.Arrays;
import java.util.Optional;

/** The NPS bands a rule can name instead of a range. */
public enum ScoreBand {
  DETRACTOR(0, 6),
  PASSIVE(7, 8),
  PROMOTER(9, 10);

  private final int min;
  private final int max;

  ScoreBand(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** The band with exactly this range, if any (how a stored range is shown back). */
  public static Optional<ScoreBand> ofRange(Integer min, Integer max) {
    return Arrays.stream(values())
        .filter(b -> min != null && max != null && b.min == min && b.max == max)
        .findFirst();
  }

  /** Case-insensitive; empty for an unknown name. */
  public static Optional<ScoreBand> named(String name) {
    return Arrays.stream(values()).filter(b -> b.name().equalsIgnoreCase(name.strip())).findFirst();
  }
}
