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
    return new SurveyDraft.QuestionDraft(null, type, prompt, null, null);
  }

  @Test
  void aValidDraftBecomesADraftSurveyWithDefaultKeysAndRequiredScores() {
    Survey survey =
        new SurveyDraft(
                " Check-in ",
                null,
                null,
                null,
                null,
                List.of(q("nps", "How likely?"), q("TEXT", "Why?")))
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
    SurveyDraft draft =
        new SurveyDraft("", null, null, null, null, List.of(q("RATING", ""), q("TEXT", "ok")));
    assertThatThrownBy(() -> draft.toSurvey(1L))
        .isInstanceOf(InvalidInputException.class)
        .extracting(
            e -> ((InvalidInputException) e).errors().stream().map(FieldError::field).toList())
        .isEqualTo(List.of("title", "questions[0].type", "questions[0].prompt"));
  }

  @Test
  void aSurveyWithoutQuestionsIsRejected() {
    assertThatThrownBy(() -> new SurveyDraft("T", null, null, null, null, List.of()).toSurvey(1L))
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
            null,
            null,
            List.of(
                new SurveyDraft.QuestionDraft("why", "TEXT", "A", null, null),
                new SurveyDraft.QuestionDraft("why", "TEXT", "B", null, null),
                new SurveyDraft.QuestionDraft("Bad Key", "TEXT", "C", null, null)));
    assertThatThrownBy(() -> draft.toSurvey(1L))
        .extracting(
            e -> ((InvalidInputException) e).errors().stream().map(FieldError::field).toList())
        .isEqualTo(List.of("questions[1].key", "questions[2].key"));
  }

  @Test
  void aPublishedSurveyCannotBePublishedAgain() {
    Survey survey =
        new SurveyDraft("T", null, null, null, null, List.of(q("NPS", "How likely?"))).toSurvey(1L);
    survey.publish(2L, null);
    assertThat(survey.acceptsResponses()).isTrue();
    assertThatThrownBy(() -> survey.publish(3L, null)).hasMessageContaining("already published");
  }

  private static SurveyDraft.QuestionDraft choice(String type, List<String> options) {
    return new SurveyDraft.QuestionDraft(null, type, "Pick", null, options);
  }

  private static List<String> errorFields(SurveyDraft draft) {
    try {
      draft.toSurvey(1L);
      throw new AssertionError("expected the draft to be rejected");
    } catch (InvalidInputException e) {
      return e.errors().stream().map(FieldError::field).toList();
    }
  }

  @Test
  void everyQuestionTypeCanBeDesignedWithTextsSenderAndColour() {
    Survey survey =
        new SurveyDraft(
                "All types",
                "Intro",
                "Thanks!",
                "Acme Support",
                "#AA3300",
                List.of(
                    q("NPS", "a"),
                    q("CSAT", "b"),
                    q("CES", "c"),
                    q("STAR", "d"),
                    choice("SINGLE_CHOICE", List.of("Web", " Phone ")),
                    choice("MULTIPLE_CHOICE", List.of("Price", "Speed", "Staff")),
                    q("SHORT_TEXT", "g"),
                    q("TEXT", "h")))
            .toSurvey(1L);
    assertThat(survey.questions())
        .extracting(Question::type)
        .containsExactly(QuestionType.values());
    assertThat(survey.questions().get(4).options()).containsExactly("Web", "Phone");
    assertThat(survey.senderName()).isEqualTo("Acme Support");
    assertThat(survey.accentColour()).isEqualTo("#aa3300");
    assertThat(survey.thankYou()).isEqualTo("Thanks!");
  }

  @Test
  void anUnknownTypeIsNamedByItsField() {
    assertThat(
            errorFields(
                new SurveyDraft(
                    "T", null, null, null, null, List.of(q("NPS", "a"), q("SLIDER", "b")))))
        .containsExactly("questions[1].type");
  }

  @Test
  void choiceQuestionsNeedTwoToTenDistinctNonBlankOptions() {
    List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "o" + i).toList();
    assertThat(
            errorFields(
                new SurveyDraft(
                    "T",
                    null,
                    null,
                    null,
                    null,
                    List.of(
                        choice("SINGLE_CHOICE", List.of("only one")),
                        choice("MULTIPLE_CHOICE", List.of("a", "A")),
                        choice("SINGLE_CHOICE", List.of("a", " ")),
                        choice("MULTIPLE_CHOICE", eleven),
                        choice("SINGLE_CHOICE", null),
                        new SurveyDraft.QuestionDraft(null, "NPS", "n", null, List.of("x", "y"))))))
        .containsExactly(
            "questions[0].options",
            "questions[1].options",
            "questions[2].options",
            "questions[3].options",
            "questions[4].options",
            "questions[5].options");
  }

  @Test
  void senderNameAndAccentColourAreChecked() {
    assertThat(
            errorFields(
                new SurveyDraft("T", null, null, "x".repeat(101), "blue", List.of(q("NPS", "a")))))
        .containsExactly("senderName", "accentColour");
  }
}
