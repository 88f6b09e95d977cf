package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.survey.api.QuestionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrevityTest {
  static List<Question> questions(QuestionType... types) {
    List<Question> list = new ArrayList<>();
    for (QuestionType type : types) {
      list.add(
          new Question(
              Ids.newId(),
              "s",
              list.size(),
              "k" + list.size(),
              type,
              "p",
              false,
              type.choice() ? List.of("a", "b") : null));
    }
    return list;
  }

  @Test
  void scoresAndChoicesTakeFiveSecondsShortTextTwentyLongTextForty() {
    assertThat(
            Brevity.estimatedSeconds(
                questions(
                    QuestionType.NPS,
                    QuestionType.SINGLE_CHOICE,
                    QuestionType.SHORT_TEXT,
                    QuestionType.TEXT)))
        .isEqualTo(5 + 5 + 20 + 40);
    assertThat(Brevity.describe(70)).isEqualTo("about 70 seconds");
    assertThat(Brevity.describe(150)).isEqualTo("about 3 minutes");
  }

  @Test
  void tenQuestionsWithTwoFreeTextAreShortEnough() {
    List<QuestionType> types = new ArrayList<>(List.of(QuestionType.TEXT, QuestionType.SHORT_TEXT));
    while (types.size() < 10) {
      types.add(QuestionType.CSAT);
    }
    assertThat(Brevity.problems(questions(types.toArray(QuestionType[]::new)))).isEmpty();
  }

  @Test
  void elevenQuestionsOrThreeFreeTextAreTooLongAndSaySo() {
    QuestionType[] eleven = new QuestionType[11];
    java.util.Arrays.fill(eleven, QuestionType.STAR);
    assertThat(Brevity.problems(questions(eleven)))
        .containsExactly("It has 11 questions; a short survey has at most 10.");
    assertThat(
            Brevity.problems(
                questions(QuestionType.TEXT, QuestionType.SHORT_TEXT, QuestionType.TEXT)))
        .containsExactly("It has 3 free-text questions; a short survey has at most 2.");
  }
}
