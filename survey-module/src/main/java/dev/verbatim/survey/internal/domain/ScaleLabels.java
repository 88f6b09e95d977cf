package dev.verbatim.survey.internal.domain;

import dev.verbatim.survey.api.QuestionType;

/** The words at both ends of a scored question's scale, as the customer reads them. */
public record ScaleLabels(String low, String high) {

  public static ScaleLabels of(QuestionType type) {
    return switch (type) {
      case NPS -> new ScaleLabels("Not at all likely", "Extremely likely");
      case CSAT -> new ScaleLabels("Very unsatisfied", "Very satisfied");
      case CES -> new ScaleLabels("Very difficult", "Very easy");
      case STAR -> new ScaleLabels("1 star: poor", "5 stars: excellent");
      default -> new ScaleLabels("", "");
    };
  }
}
