package dev.verbatim.survey.api;

/**
 * One answer: {@code score} for scored questions, {@code text} for free text (null when not
 * answered).
 */
public record AnswerView(
    String questionKey, QuestionType type, String prompt, Integer score, String text) {

  public boolean isComment() {
    return type.isComment(text);
  }
}
