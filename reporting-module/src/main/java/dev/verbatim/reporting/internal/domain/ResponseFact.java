package dev.verbatim.reporting.internal.domain;

import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.api.ResponseSubmitted;

/**
 * What reports keep of a completed response: the first score of each headline kind (NPS, CSAT, CES)
 * and how many comments it carried. A survey may ask more scored questions; the first of each kind
 * is the one its headline number counts.
 */
public record ResponseFact(
    String responseId,
    String surveyId,
    String contactId,
    long submittedAt,
    Integer nps,
    Integer csat,
    Integer ces,
    int comments) {

  public static ResponseFact of(ResponseSubmitted response) {
    return new ResponseFact(
        response.responseId(),
        response.surveyId(),
        response.contactId(),
        response.submittedAt(),
        firstScore(response, QuestionType.NPS),
        firstScore(response, QuestionType.CSAT),
        firstScore(response, QuestionType.CES),
        response.comments());
  }

  private static Integer firstScore(ResponseSubmitted response, QuestionType type) {
    return response.answers().stream()
        .filter(a -> a.type() == type && a.score() != null)
        .map(ResponseSubmitted.SubmittedAnswer::score)
        .findFirst()
        .orElse(null);
  }
}
