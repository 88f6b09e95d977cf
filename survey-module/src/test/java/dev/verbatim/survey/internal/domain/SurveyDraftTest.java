package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.survey.api.QuestionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyDraftTest {
  private static SurveyDraft.QuestionDraft q(String type, String prompt) {
    return new SurveyDraft.QuestionDraft(null, type, prompt, null);
  }

  @Test
  void aValidDraftBecomesADraftSurveyWithDefaultKeysAndRequiredScores() {
    Survey survey =
        new SurveyDraft(
                " Check-in ", null, null, List.of(q("nps", "How likely?"), q("TEXT", "Why?")))
            .toSurvey(1L);
    assertThat(survey.title()).isEqualTo("Check-in");
    assertThat(survey.status()).isEqualTo(Survey.DRAFT);
    assertThat(survey.questions()).extracting(Question::key).containsExactly("nps_1", "text_2");
    assertThat(survey.questions())
        .extracting(Question::type)
        .containsExactly(QuestionType.NPS, QuestionType.TEXT);
    assertThat(survey.questions()).extracting(Question::required).containsExactly(true, false);
  }

  @Test
  void everyProblemIsReportedAtOnceNamedLikeTheJson() {
    SurveyDraft draft = new SurveyDraft("", null, null, List.of(q("RATING", ""), q("TEXT", "ok")));
    assertThatThrownBy(() -> draft.toSurvey(1L))
        .isInstanceOf(InvalidInputException.class)
        .extracting(
            e -> ((InvalidInputException) e).errors().stream().map(FieldError::field).toList())
        .isEqualTo(List.of("title", "questions[0].type", "questions[0].prompt"));
  }

  @Test
  void aSurveyWithoutQuestionsIsRejected() {
    assertThatThrownBy(() -> new SurveyDraft("T", null, null, List.of()).toSurvey(1L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("questions");
  }

  @Test
  void duplicateOrMalformedKeysAreRejected() {
    SurveyDraft draft =
        new SurveyDraft(
            "T",
            null,
            null,
            List.of(
                new SurveyDraft.QuestionDraft("why", "TEXT", "A", null),
                new SurveyDraft.QuestionDraft("why", "TEXT", "B", null),
                new SurveyDraft.QuestionDraft("Bad Key", "TEXT", "C", null)));
    assertThatThrownBy(() -> draft.toSurvey(1L))
        .extracting(
            e -> ((InvalidInputException) e).errors().stream().map(FieldError::field).toList())
        .isEqualTo(List.of("questions[1].key", "questions[2].key"));
  }

  @Test
  void aPublishedSurveyCannotBePublishedAgain() {
    Survey survey = new SurveyDraft("T", null, null, List.of(q("NPS", "How likely?"))).toSurvey(1L);
    survey.publish(2L);
    assertThat(survey.acceptsResponses()).isTrue();
    assertThatThrownBy(() -> survey.publish(3L)).hasMessageContaining("Only a draft");
  }
}
