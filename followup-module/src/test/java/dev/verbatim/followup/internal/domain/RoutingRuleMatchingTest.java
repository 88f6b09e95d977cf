package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingRuleMatchingTest {
  private static final CommentFacts BILLING_DETRACTOR =
      new CommentFacts(
          "survey-1",
          "text_2",
          3,
          "The INVOICE was wrong, again.",
          Map.of("plan", "Enterprise", "region", "EMEA"));

  /** A rule with only the conditions given; the rest absent. */
  private static RuleDefinition rule() {
    return new RuleDefinition(
        "r", null, null, null, null, null, List.of(), List.of(), "team", null, true);
  }

  private static RuleDefinition survey(String id) {
    return new RuleDefinition(
        "r", id, null, null, null, null, List.of(), List.of(), "team", null, true);
  }

  private static RuleDefinition question(String key) {
    return new RuleDefinition(
        "r", null, key, null, null, null, List.of(), List.of(), "team", null, true);
  }

  private static RuleDefinition score(Integer min, Integer max) {
    return new RuleDefinition(
        "r", null, null, min, max, null, List.of(), List.of(), "team", null, true);
  }

  private static RuleDefinition band(ScoreBand band) {
    return score(band.min(), band.max());
  }

  private static RuleDefinition attribute(String name, String... values) {
    return new RuleDefinition(
        "r", null, null, null, null, name, List.of(values), List.of(), "team", null, true);
  }

  private static RuleDefinition keywords(String... words) {
    return new RuleDefinition(
        "r", null, null, null, null, null, List.of(), List.of(words), "team", null, true);
  }

  private static RuleDefinition inactive() {
    return new RuleDefinition(
        "r", null, null, null, null, null, List.of(), List.of(), "team", null, false);
  }

  private static CommentFacts scored(Integer score) {
    return new CommentFacts("survey-1", "text_2", score, "fine", Map.of());
  }

  private static CommentFacts saying(String comment) {
    return new CommentFacts("survey-1", "text_2", 5, comment, Map.of());
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("no conditions match every comment", rule(), BILLING_DETRACTOR, true),
        Arguments.of("same survey", survey("survey-1"), BILLING_DETRACTOR, true),
        Arguments.of("other survey", survey("survey-2"), BILLING_DETRACTOR, false),
        Arguments.of("same question", question("text_2"), BILLING_DETRACTOR, true),
        Arguments.of("other question", question("text_9"), BILLING_DETRACTOR, false),
        Arguments.of("detractor 0", band(ScoreBand.DETRACTOR), scored(0), true),
        Arguments.of("detractor 6", band(ScoreBand.DETRACTOR), scored(6), true),
        Arguments.of("7 is no detractor", band(ScoreBand.DETRACTOR), scored(7), false),
        Arguments.of("passive 7", band(ScoreBand.PASSIVE), scored(7), true),
        Arguments.of("passive 8", band(ScoreBand.PASSIVE), scored(8), true),
        Arguments.of("9 is no passive", band(ScoreBand.PASSIVE), scored(9), false),
        Arguments.of("6 is no passive", band(ScoreBand.PASSIVE), scored(6), false),
        Arguments.of("promoter 9", band(ScoreBand.PROMOTER), scored(9), true),
        Arguments.of("promoter 10", band(ScoreBand.PROMOTER), scored(10), true),
        Arguments.of("8 is no promoter", band(ScoreBand.PROMOTER), scored(8), false),
        Arguments.of("range inclusive low", score(3, 5), scored(3), true),
        Arguments.of("range inclusive high", score(3, 5), scored(5), true),
        Arguments.of("below range", score(3, 5), scored(2), false),
        Arguments.of("only a maximum", score(null, 4), scored(0), true),
        Arguments.of("only a minimum", score(8, null), scored(10), true),
        Arguments.of(
            "no score never matches a band", band(ScoreBand.DETRACTOR), scored(null), false),
        Arguments.of(
            "attribute one of", attribute("plan", "Pro", "Enterprise"), BILLING_DETRACTOR, true),
        Arguments.of(
            "attribute value ignores case",
            attribute("plan", "enterprise"),
            BILLING_DETRACTOR,
            true),
        Arguments.of(
            "attribute name ignores case",
            attribute("PLAN", "Enterprise"),
            BILLING_DETRACTOR,
            true),
        Arguments.of("attribute other value", attribute("plan", "Basic"), BILLING_DETRACTOR, false),
        Arguments.of("attribute missing", attribute("tier", "Gold"), BILLING_DETRACTOR, false),
        Arguments.of(
            "keyword any of, case-insensitive",
            keywords("refund", "invoice"),
            BILLING_DETRACTOR,
            true),
        Arguments.of("keyword not there", keywords("refund", "delivery"), BILLING_DETRACTOR, false),
        Arguments.of(
            "keyword is a whole word", keywords("bill"), saying("billing was slow"), false),
        Arguments.of("keyword inside a word", keywords("voice"), saying("the invoice"), false),
        Arguments.of("keyword next to punctuation", keywords("refund"), saying("Refund!"), true),
        Arguments.of(
            "keyword phrase", keywords("late delivery"), saying("A LATE delivery, sadly"), true),
        Arguments.of(
            "keyword with regex characters", keywords("c++"), saying("your c++ sdk"), true),
        Arguments.of("keyword accented word", keywords("délai"), saying("Le DÉLAI est long"), true),
        Arguments.of("switched-off rule never matches", inactive(), BILLING_DETRACTOR, false),
        Arguments.of(
            "all conditions must hold",
            new RuleDefinition(
                "r",
                "survey-1",
                "text_2",
                0,
                6,
                "plan",
                List.of("Enterprise"),
                List.of("invoice"),
                "team",
                null,
                true),
            BILLING_DETRACTOR,
            true),
        Arguments.of(
            "one failing condition is enough",
            new RuleDefinition(
                "r",
                "survey-1",
                "text_2",
                0,
                6,
                "plan",
                List.of("Enterprise"),
                List.of("refund"),
                "team",
                null,
                true),
            BILLING_DETRACTOR,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aRuleMatchesOnlyWhenEveryConditionHolds(
      String name, RuleDefinition definition, CommentFacts facts, boolean expected) {
    RoutingRule rule = new RoutingRule("id", 0, definition, 0L);
    assertThat(rule.matches(facts)).isEqualTo(expected);
    assertThat(rule.mismatch(facts).isPresent())
        .as("a reason is given exactly when it does not match")
        .isEqualTo(!expected);
  }
}
