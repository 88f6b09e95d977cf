package dev.verbatim.survey.api;

import java.util.Optional;

/**
 * Question kinds. Scored types carry a score on their scale; choice types carry the chosen option
 * labels as text (multiple choices joined by a line feed); free-text types carry the customer's own
 * words, and every non-empty free-text answer becomes a case.
 */
public enum QuestionType {
  NPS(Kind.SCORE, 0, 10),
  CSAT(Kind.SCORE, 1, 5),
  CES(Kind.SCORE, 1, 7),
  STAR(Kind.SCORE, 1, 5),
  SINGLE_CHOICE(Kind.CHOICE, 0, 0),
  MULTIPLE_CHOICE(Kind.CHOICE, 0, 0),
  SHORT_TEXT(Kind.FREE_TEXT, 0, 0),
  /** Long free text (the original comment box). */
  TEXT(Kind.FREE_TEXT, 0, 0);

  private enum Kind {
    SCORE,
    CHOICE,
    FREE_TEXT
  }

  private final Kind kind;
  private final int min;
  private final int max;

  QuestionType(Kind kind, int min, int max) {
    this.kind = kind;
    this.min = min;
    this.max = max;
  }

  public boolean scored() {
    return kind == Kind.SCORE;
  }

  public boolean choice() {
    return kind == Kind.CHOICE;
  }

  /** Free-text answers are the customer's own words: each non-empty one is routed to an owner. */
  public boolean freeText() {
    return kind == Kind.FREE_TEXT;
  }

  /** Whether an answer of this type with this text is a comment: free text, more than blanks. */
  public boolean isComment(String text) {
    return freeText() && text != null && !text.isBlank();
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
