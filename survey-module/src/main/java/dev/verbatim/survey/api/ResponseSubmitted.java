package dev.verbatim.survey.api;

import java.util.List;
import java.util.Map;

/**
 * A customer completed a survey. Fired synchronously inside the transaction that stores the
 * response: an observer that throws rolls the response back too (no comment without a case). It is
 * also published to the module-event log as {@link #TYPE}, carrying the facts its listeners need,
 * so none of them reads the response back.
 *
 * @param surveyVersion the version of the survey that was answered
 * @param answers every answer given, without the words of comments
 * @param segments the contact's attributes at the time of the answer
 */
public record ResponseSubmitted(
    String responseId,
    String surveyId,
    int surveyVersion,
    String invitationId,
    String contactId,
    long submittedAt,
    List<SubmittedAnswer> answers,
    Map<String, String> segments) {

  public static final String TYPE = "survey.response-submitted";

  public ResponseSubmitted {
    answers = answers == null ? List.of() : List.copyOf(answers);
    segments = segments == null ? Map.of() : Map.copyOf(segments);
  }

  /**
   * One answer as reports count it.
   *
   * @param score the score for a scored question, null otherwise or when not answered
   * @param comment whether it is free text that was filled in
   */
  public record SubmittedAnswer(
      String questionKey, QuestionType type, Integer score, boolean comment) {

    /** An answer whose free text counts as a comment when it is more than blanks. */
    public static SubmittedAnswer of(
        String questionKey, QuestionType type, Integer score, String text) {
      return new SubmittedAnswer(questionKey, type, score, type.isComment(text));
    }
  }

  /** How many answers are comments. */
  public int comments() {
    return (int) answers.stream().filter(SubmittedAnswer::comment).count();
  }
}
