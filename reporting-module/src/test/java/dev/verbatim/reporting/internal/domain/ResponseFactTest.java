package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.api.ResponseSubmitted;
import dev.verbatim.survey.api.ResponseSubmitted.SubmittedAnswer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseFactTest {
  @Test
  void keepsTheFirstScoreOfEachHeadlineKindAndCountsNonEmptyComments() {
    ResponseSubmitted response =
        new ResponseSubmitted(
            "r1",
            "s1",
            1,
            "i1",
            "c1",
            1000L,
            List.of(
                SubmittedAnswer.of("csat", QuestionType.CSAT, 4, null),
                SubmittedAnswer.of("nps", QuestionType.NPS, 9, null),
                SubmittedAnswer.of("nps2", QuestionType.NPS, 2, null),
                SubmittedAnswer.of("why", QuestionType.TEXT, null, "Quick delivery"),
                SubmittedAnswer.of("more", QuestionType.SHORT_TEXT, null, "  "),
                SubmittedAnswer.of("else", QuestionType.SHORT_TEXT, null, "Kind staff")),
            Map.of());

    ResponseFact fact = ResponseFact.of(response);

    assertThat(fact.nps()).isEqualTo(9);
    assertThat(fact.csat()).isEqualTo(4);
    assertThat(fact.ces()).isNull();
    assertThat(fact.comments()).isEqualTo(2);
    assertThat(fact.contactId()).isEqualTo("c1");
  }
}
