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
              List.of(
                  new SurveyDraft.QuestionDraft("nps", "NPS", "How likely?", null),
                  new SurveyDraft.QuestionDraft("why", "TEXT", "Why?", null)))
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
}
