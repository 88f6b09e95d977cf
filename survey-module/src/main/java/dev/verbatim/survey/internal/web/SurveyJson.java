package dev.verbatim.survey.internal.web;

import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.Survey;
import java.util.List;

/** A survey as the API shows it. */
public record SurveyJson(
    String id,
    String title,
    String intro,
    String thankYou,
    String status,
    long createdAt,
    Long publishedAt,
    List<QuestionJson> questions) {

  public record QuestionJson(String key, String type, String prompt, boolean required) {
    static QuestionJson of(Question q) {
      return new QuestionJson(q.key(), q.type().name(), q.prompt(), q.required());
    }
  }

  static SurveyJson of(Survey s) {
    return new SurveyJson(
        s.id(),
        s.title(),
        s.intro(),
        s.thankYou(),
        s.status(),
        s.createdAt(),
        s.publishedAt(),
        s.questions().stream().map(QuestionJson::of).toList());
  }
}
