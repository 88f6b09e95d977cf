package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerSheetTest {
  private final Survey survey =
      new SurveyDraft(
              "T",
              null,
              null,
              null,
              null,
              List.of(
                  new SurveyDraft.QuestionDraft("nps", "NPS", "How likely?", null, null),
                  new SurveyDraft.QuestionDraft("why", "TEXT", "Why?", null, null)))
          .toSurvey(1L);

  private static List<String> fields(Throwable e) {
    return ((InvalidInputException) e).errors().stream().map(FieldError::field).toList();
  }

  @Test
  void aScoreAndACommentAreRead() {
    List<Answer> answers = AnswerSheet.read(survey, Map.of("nps", "9", "why", "  Fast support  "));
    assertThat(answers).extracting(Answer::score).containsExactly(9, null);
    assertThat(answers).extracting(Answer::text).containsExactly(null, "Fast support");
  }

  @Test
  void theOptionalCommentMayBeLeftEmpty() {
    assertThat(AnswerSheet.read(survey, Map.of("nps", "0", "why", "   "))).hasSize(1);
  }

  @Test
  void aMissingRequiredScoreIsReportedOnItsQuestion() {
    assertThatThrownBy(() -> AnswerSheet.read(survey, Map.of("why", "text")))
        .satisfies(e -> assertThat(fields(e)).containsExactly("answers.nps"))
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors().get(0).message())
                    .isEqualTo("Please answer this question."));
  }

  @Test
  void scoresOutsideTheScaleOrNotNumbersAreRejected() {
    for (String bad : List.of("11", "-1", "nine", "9.5", "99999999999")) {
      assertThatThrownBy(() -> AnswerSheet.read(survey, Map.of("nps", bad)))
          .as(bad)
          .satisfies(e -> assertThat(fields(e)).containsExactly("answers.nps"));
    }
  }

  @Test
  void aCommentOverTheLimitIsRejectedWithItsLength() {
    assertThatThrownBy(() -> AnswerSheet.read(survey, Map.of("nps", "5", "why", "x".repeat(5001))))
        .hasMessageContaining("answers.why");
  }

  private final Survey allTypes =
      new SurveyDraft(
              "All",
              null,
              null,
              null,
              null,
              List.of(
                  new SurveyDraft.QuestionDraft("csat", "CSAT", "Satisfied?", null, null),
                  new SurveyDraft.QuestionDraft("ces", "CES", "Easy?", null, null),
                  new SurveyDraft.QuestionDraft("star", "STAR", "Stars?", false, null),
                  new SurveyDraft.QuestionDraft(
                      "channel", "SINGLE_CHOICE", "How?", true, List.of("Web", "Phone")),
                  new SurveyDraft.QuestionDraft(
                      "liked",
                      "MULTIPLE_CHOICE",
                      "What?",
                      false,
                      List.of("Price", "Speed", "Staff")),
                  new SurveyDraft.QuestionDraft("role", "SHORT_TEXT", "Role?", false, null)))
          .toSurvey(1L);

  @Test
  void eachScaleAcceptsOnlyItsOwnRange() {
    assertThatThrownBy(
            () ->
                AnswerSheet.read(
                    allTypes, Map.of("csat", "6", "ces", "0", "star", "0", "channel", "Web")))
        .satisfies(
            e ->
                assertThat(fields(e))
                    .containsExactly("answers.csat", "answers.ces", "answers.star"))
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .extracting(FieldError::message)
                    .containsExactly(
                        "Choose a number from 1 to 5.",
                        "Choose a number from 1 to 7.",
                        "Choose a number from 1 to 5."));
    assertThat(
            AnswerSheet.read(
                allTypes, Map.of("csat", "5", "ces", "7", "star", "1", "channel", "Web")))
        .extracting(Answer::score)
        .containsExactly(5, 7, 1, null);
  }

  @Test
  void choicesMustBeAmongTheOptionsAndAreStoredInTheirOrder() {
    List<Answer> answers =
        AnswerSheet.read(
            allTypes, Map.of("csat", "4", "ces", "3", "channel", "Phone", "liked", "Staff\nPrice"));
    assertThat(answers).extracting(Answer::text).contains("Phone", "Price\nStaff");

    assertThatThrownBy(
            () ->
                AnswerSheet.read(
                    allTypes,
                    Map.of("csat", "4", "ces", "3", "channel", "Fax", "liked", "Price\nLuck")))
        .satisfies(e -> assertThat(fields(e)).containsExactly("answers.channel", "answers.liked"))
        .hasMessageContaining("'Fax' is not one of the options");
    assertThatThrownBy(
            () ->
                AnswerSheet.read(
                    allTypes, Map.of("csat", "4", "ces", "3", "channel", "Web\nPhone")))
        .satisfies(e -> assertThat(fields(e)).containsExactly("answers.channel"));
  }

  @Test
  void shortTextIsLimitedTo500Characters() {
    assertThatThrownBy(
            () ->
                AnswerSheet.read(
                    allTypes,
                    Map.of("csat", "4", "ces", "3", "channel", "Web", "role", "x".repeat(501))))
        .satisfies(e -> assertThat(fields(e)).containsExactly("answers.role"));
  }

  @Test
  void savingForLaterKeepsTheValidAnswersWithoutRequiringAny() {
    List<Answer> kept =
        AnswerSheet.readGiven(
            allTypes.id(), allTypes.questions(), Map.of("csat", "9", "ces", "2", "role", "CTO"));
    assertThat(kept).extracting(Answer::questionKey).containsExactly("ces", "role");
  }
}
