package dev.verbatim.survey.api;

import java.util.Optional;

/** Question kinds. Scored types carry a score; TEXT carries the customer's own words. */
public enum QuestionType {
  NPS(0, 10),
  TEXT(0, 0);

  private final int min;
  private final int max;

  QuestionType(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public boolean scored() {
    return this != TEXT;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  public static Optional<QuestionType> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (QuestionType type : values()) {
      if (type.name().equalsIgnoreCase(value.strip())) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
