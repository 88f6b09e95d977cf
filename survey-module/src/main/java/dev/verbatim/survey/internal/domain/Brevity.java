package dev.verbatim.survey.internal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A survey is short by design: how long it takes to answer, and what makes it too long to publish
 * without a manager's explicit override.
 */
public final class Brevity {
  public static final int MAX_QUESTIONS = 10;
  public static final int MAX_FREE_TEXT = 2;
  static final int SECONDS_PER_SCORE_OR_CHOICE = 5;
  static final int SECONDS_PER_SHORT_TEXT = 20;
  static final int SECONDS_PER_LONG_TEXT = 40;

  private Brevity() {}

  public static int estimatedSeconds(List<Question> questions) {
    int seconds = 0;
    for (Question q : questions) {
      seconds +=
          switch (q.type()) {
            case SHORT_TEXT -> SECONDS_PER_SHORT_TEXT;
            case TEXT -> SECONDS_PER_LONG_TEXT;
            default -> SECONDS_PER_SCORE_OR_CHOICE;
          };
    }
    return seconds;
  }

  /** "about 50 seconds", "about 2 minutes". */
  public static String describe(int seconds) {
    if (seconds < 90) {
      return "about " + seconds + " seconds";
    }
    return "about " + Math.round(seconds / 60.0) + " minutes";
  }

  /** Why this survey is too long to publish without an override; empty when it is short enough. */
  public static List<String> problems(List<Question> questions) {
    List<String> problems = new ArrayList<>();
    if (questions.size() > MAX_QUESTIONS) {
      problems.add(
          "It has "
              + questions.size()
              + " questions; a short survey has at most "
              + MAX_QUESTIONS
              + ".");
    }
    long freeText = questions.stream().filter(q -> q.type().freeText()).count();
    if (freeText > MAX_FREE_TEXT) {
      problems.add(
          "It has "
              + freeText
              + " free-text questions; a short survey has at most "
              + MAX_FREE_TEXT
              + ".");
    }
    return problems;
  }
}
