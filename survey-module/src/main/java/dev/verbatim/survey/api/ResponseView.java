package dev.verbatim.survey.api;

import java.util.List;
import java.util.Optional;

public record ResponseView(
    String id,
    String surveyId,
    String surveyTitle,
    ContactView contact,
    long submittedAt,
    List<AnswerView> answers) {

  /** The first NPS score in the response, if any: the number a comment is read against. */
  public Optional<Integer> npsScore() {
    return answers.stream()
        .filter(a -> a.type() == QuestionType.NPS && a.score() != null)
        .map(AnswerView::score)
        .findFirst();
  }

  public List<AnswerView> comments() {
    return answers.stream().filter(AnswerView::isComment).toList();
  }
}
