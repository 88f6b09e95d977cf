package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.survey.api.AnswerView;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.api.ResponseView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseFactTest {
  private static final ContactView CONTACT = new ContactView("c1", "a@example.com", "A", Map.of());

  @Test
  void keepsTheFirstScoreOfEachHeadlineKindAndCountsNonEmptyComments() {
    ResponseView response =
        new ResponseView(
            "r1",
            "s1",
            "Survey",
            CONTACT,
            1000L,
            List.of(
                new AnswerView("csat", QuestionType.CSAT, "Happy?", 4, null),
                new AnswerView("nps", QuestionType.NPS, "Recommend?", 9, null),
                new AnswerView("nps2", QuestionType.NPS, "Again?", 2, null),
                new AnswerView("why", QuestionType.TEXT, "Why?", null, "Quick delivery"),
                new AnswerView("more", QuestionType.SHORT_TEXT, "More?", null, "  "),
                new AnswerView("else", QuestionType.SHORT_TEXT, "Else?", null, "Kind staff")));

    ResponseFact fact = ResponseFact.of(response);

    assertThat(fact.nps()).isEqualTo(9);
    assertThat(fact.csat()).isEqualTo(4);
    assertThat(fact.ces()).isNull();
    assertThat(fact.comments()).isEqualTo(2);
    assertThat(fact.contactId()).isEqualTo("c1");
  }
}
