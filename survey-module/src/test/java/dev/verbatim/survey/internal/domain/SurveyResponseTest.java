package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.StateConflictException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyResponseTest {
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
  private final Invitation invitation = new Invitation("i", survey.id(), "d", "c", "h", 1L);

  private Answer score(int n) {
    return AnswerSheet.read(survey, Map.of("nps", String.valueOf(n))).get(0);
  }

  @Test
  void aClickedScoreIsKeptAsOnePartialAnswerThatLaterClicksReplace() {
    SurveyResponse response = SurveyResponse.partial("r", invitation, 1, List.of(score(3)), 10L);
    response.keepPartialAnswer(score(8), 20L);
    response.keepPartialAnswer(score(8), 30L);

    assertThat(response.isPartial()).isTrue();
    assertThat(response.answers()).extracting(Answer::score).containsExactly(8);
    assertThat(response.version()).isEqualTo(1);
  }

  @Test
  void completingAPartialResponseReplacesItsAnswersOnceOnly() {
    SurveyResponse response = SurveyResponse.partial("r", invitation, 1, List.of(score(3)), 10L);
    response.complete(AnswerSheet.read(survey, Map.of("nps", "9", "why", "Great")), 50L);

    assertThat(response.status()).isEqualTo(SurveyResponse.COMPLETE);
    assertThat(response.submittedAt()).isEqualTo(50L);
    assertThat(response.answers()).extracting(Answer::score).containsExactly(9, null);
    assertThatThrownBy(() -> response.complete(List.of(), 60L))
        .isInstanceOf(StateConflictException.class);
    assertThatThrownBy(() -> response.keepPartialAnswer(score(1), 70L))
        .isInstanceOf(StateConflictException.class);
  }
}
