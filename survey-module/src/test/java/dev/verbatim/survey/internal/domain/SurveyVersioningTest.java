package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.QuestionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyVersioningTest {
  private static SurveyDraft.QuestionDraft q(String key, String type, String prompt) {
    return new SurveyDraft.QuestionDraft(key, type, prompt, null, null);
  }

  private final Survey survey =
      new SurveyDraft(
              "Check-in",
              null,
              null,
              null,
              null,
              List.of(q(null, "NPS", "How likely?"), q(null, "TEXT", "Why?")))
          .toSurvey(1L);

  @Test
  void editingADraftChangesItInPlace() {
    survey.saveDraft(
        SurveyDraft.of(survey.latest()).withSettings("New title", null, null, null, null), 2L);
    assertThat(survey.versions()).hasSize(1);
    assertThat(survey.title()).isEqualTo("New title");
  }

  @Test
  void editingAPublishedSurveyStartsTheNextVersionAndLeavesTheLiveOneUntouched() {
    survey.publish(2L, null);
    SurveyDraft edited =
        SurveyDraft.of(survey.latest())
            .withSettings("Check-in v2", null, null, null, null)
            .adding(q(null, "CSAT", "How satisfied?"));
    SurveyVersion v2 = survey.saveDraft(edited, 3L);

    assertThat(v2.number()).isEqualTo(2);
    assertThat(v2.isDraft()).isTrue();
    assertThat(survey.live().number()).isEqualTo(1);
    assertThat(survey.live().title()).isEqualTo("Check-in");
    assertThat(survey.questions()).hasSize(2);
    assertThat(survey.hasPendingDraft()).isTrue();
    assertThat(v2.questions())
        .extracting(Question::key)
        .containsExactly("nps_1", "text_2", "csat_3");
  }

  @Test
  void publishingTheNextVersionRetiresThePreviousOne() {
    survey.publish(2L, null);
    survey.saveDraft(SurveyDraft.of(survey.latest()).without(1), 3L);
    survey.publish(4L, null);

    assertThat(survey.version(1).orElseThrow().status()).isEqualTo(SurveyVersion.RETIRED);
    assertThat(survey.live().number()).isEqualTo(2);
    assertThat(survey.questions()).extracting(Question::key).containsExactly("nps_1");
    assertThat(survey.version(1).orElseThrow().questions()).hasSize(2);
  }

  @Test
  void aKeyIsNeverReusedForAnotherType() {
    survey.publish(2L, null);
    List<SurveyDraft.QuestionDraft> questions =
        new ArrayList<>(SurveyDraft.of(survey.latest()).questions());
    questions.set(1, q("text_2", "CES", "How easy?"));
    assertThatThrownBy(
            () -> survey.saveDraft(SurveyDraft.of(survey.latest()).withQuestions(questions), 3L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("questions");
  }

  @Test
  void aNewQuestionNeverTakesTheKeyOfARemovedOne() {
    survey.publish(2L, null);
    survey.saveDraft(SurveyDraft.of(survey.latest()).without(1), 3L);
    survey.publish(4L, null);
    SurveyVersion v3 =
        survey.saveDraft(
            SurveyDraft.of(survey.latest()).adding(q(null, "TEXT", "Anything else?")), 5L);
    assertThat(v3.questions()).extracting(Question::key).containsExactly("nps_1", "text_3");
  }

  @Test
  void publishingASurveyThatIsTooLongNeedsAnExplicitOverrideWhichIsRecorded() {
    SurveyDraft long_ =
        SurveyDraft.of(survey.latest())
            .adding(q(null, "SHORT_TEXT", "Your role?"))
            .adding(q(null, "TEXT", "Anything else?"));
    survey.saveDraft(long_, 2L);

    assertThatThrownBy(() -> survey.publish(3L, null))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("3 free-text questions")
        .hasMessageContaining("at most 2");
    assertThat(survey.status()).isEqualTo(Survey.DRAFT);

    survey.publish(4L, "maria");
    assertThat(survey.live().brevityOverrideBy()).contains("maria");
    assertThat(survey.live().brevityOverrideAt()).isEqualTo(4L);
  }

  @Test
  void aShortSurveyRecordsNoOverride() {
    survey.publish(2L, "maria");
    assertThat(survey.live().brevityOverrideBy()).isEmpty();
  }

  @Test
  void aClosedSurveyCannotBeEdited() {
    survey.publish(2L, null);
    survey.close();
    assertThatThrownBy(() -> survey.saveDraft(SurveyDraft.of(survey.latest()), 3L))
        .isInstanceOf(StateConflictException.class);
    assertThat(survey.acceptsResponses()).isFalse();
    assertThat(survey.questions().get(0).type()).isEqualTo(QuestionType.NPS);
  }
}
