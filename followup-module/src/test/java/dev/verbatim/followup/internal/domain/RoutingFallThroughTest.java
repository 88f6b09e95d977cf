package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules first, then the survey's team, then the fallback owner: every row ends at an owner, and a
 * rule whose target is gone, empty, inactive or away falls through to the next step.
 */
class RoutingFallThroughTest {
  private static final CommentFacts REFUND_DETRACTOR =
      new CommentFacts("survey-1", "text_2", 2, "I want a refund", Map.of("plan", "Pro"));

  /** ann, bob, cid active owners; dan away; eve inactive; fb the fallback owner. */
  private static final class World implements OwnerAvailability {
    final Set<String> active = Set.of("ann", "bob", "cid", "dan", "fb");
    final Set<String> away = new java.util.HashSet<>(Set.of("dan"));
    final Map<String, Long> open = Map.of("ann", 3L, "bob", 1L, "cid", 1L);
    final Map<String, Team> teams = new HashMap<>();

    World() {
      team("support", Team.ROUND_ROBIN, "ann", "bob");
      team("billing", Team.ROUND_ROBIN, "cid");
      team("empty", Team.ROUND_ROBIN);
      team("holiday", Team.ROUND_ROBIN, "dan");
      team("gone", Team.ROUND_ROBIN, "eve");
      team("fewest", Team.FEWEST_OPEN, "ann", "bob", "cid");
    }

    private void team(String id, String strategy, String... members) {
      Team team = new Team(id, id, Set.of(members), 0L);
      team.shareBy(strategy);
      teams.put(id, team);
    }

    @Override
    public boolean canTakeCases(String userId) {
      return active.contains(userId);
    }

    @Override
    public boolean isAway(String userId) {
      return away.contains(userId);
    }

    @Override
    public long openCases(String userId) {
      return open.getOrDefault(userId, 0L);
    }

    CaseRouter.Input input(List<RuleDefinition> rules, String surveyTeam, String fallback) {
      List<RoutingRule> ordered = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        ordered.add(new RoutingRule("rule-" + i, i, rules.get(i), 0L));
      }
      return new CaseRouter.Input(
          REFUND_DETRACTOR,
          ordered,
          id -> Optional.ofNullable(teams.get(id)),
          Optional.ofNullable(surveyTeam).map(teams::get),
          Optional.ofNullable(fallback),
          this);
    }
  }

  private static RuleDefinition toTeam(String name, String teamId) {
    return new RuleDefinition(
        name, null, null, null, null, null, List.of(), List.of(), teamId, null, true);
  }

  private static RuleDefinition toOwner(String name, String ownerId) {
    return new RuleDefinition(
        name, null, null, null, null, null, List.of(), List.of(), null, ownerId, true);
  }

  private static RuleDefinition promotersTo(String name, String teamId) {
    return new RuleDefinition(
        name, null, null, 9, 10, null, List.of(), List.of(), teamId, null, true);
  }

  private static RuleDefinition switchedOff(String name, String teamId) {
    return new RuleDefinition(
        name, null, null, null, null, null, List.of(), List.of(), teamId, null, false);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of(
            "no rules: survey team", List.of(), "support", "fb", "ann", "SURVEY_DEFAULT_TEAM"),
        Arguments.of("no rules, no team: fallback", List.of(), null, "fb", "fb", "FALLBACK_OWNER"),
        Arguments.of(
            "matching rule to a team",
            List.of(toTeam("billing", "billing")),
            "support",
            "fb",
            "cid",
            "RULE:billing"),
        Arguments.of(
            "matching rule to an owner",
            List.of(toOwner("vip", "bob")),
            "support",
            "fb",
            "bob",
            "RULE:vip"),
        Arguments.of(
            "first matching rule wins",
            List.of(toTeam("a", "billing"), toOwner("b", "bob")),
            "support",
            "fb",
            "cid",
            "RULE:a"),
        Arguments.of(
            "rule not matching is skipped",
            List.of(promotersTo("fans", "billing"), toOwner("b", "bob")),
            "support",
            "fb",
            "bob",
            "RULE:b"),
        Arguments.of(
            "switched-off rule is skipped",
            List.of(switchedOff("off", "billing")),
            "support",
            "fb",
            "ann",
            "SURVEY_DEFAULT_TEAM"),
        Arguments.of(
            "team that no longer exists: next rule",
            List.of(toTeam("lost", "deleted-team"), toOwner("b", "bob")),
            "support",
            "fb",
            "bob",
            "RULE:b"),
        Arguments.of(
            "team that no longer exists: survey team",
            List.of(toTeam("lost", "deleted-team")),
            "support",
            "fb",
            "ann",
            "SURVEY_DEFAULT_TEAM"),
        Arguments.of(
            "empty team: survey team",
            List.of(toTeam("nobody", "empty")),
            "support",
            "fb",
            "ann",
            "SURVEY_DEFAULT_TEAM"),
        Arguments.of(
            "empty team, no survey team: fallback",
            List.of(toTeam("nobody", "empty")),
            null,
            "fb",
            "fb",
            "FALLBACK_OWNER"),
        Arguments.of(
            "team all away: next rule",
            List.of(toTeam("away", "holiday"), toTeam("billing", "billing")),
            "support",
            "fb",
            "cid",
            "RULE:billing"),
        Arguments.of(
            "team all inactive: survey team",
            List.of(toTeam("gone", "gone")),
            "support",
            "fb",
            "ann",
            "SURVEY_DEFAULT_TEAM"),
        Arguments.of(
            "owner away: next rule",
            List.of(toOwner("dan", "dan"), toOwner("b", "bob")),
            "support",
            "fb",
            "bob",
            "RULE:b"),
        Arguments.of(
            "owner inactive: survey team",
            List.of(toOwner("eve", "eve")),
            "support",
            "fb",
            "ann",
            "SURVEY_DEFAULT_TEAM"),
        Arguments.of(
            "owner deleted: fallback",
            List.of(toOwner("ghost", "no-such-user")),
            null,
            "fb",
            "fb",
            "FALLBACK_OWNER"),
        Arguments.of(
            "fewest open cases, ties by id",
            List.of(toTeam("fewest", "fewest")),
            null,
            "fb",
            "bob",
            "RULE:fewest"),
        Arguments.of(
            "survey team empty: fallback", List.of(), "empty", "fb", "fb", "FALLBACK_OWNER"),
        Arguments.of(
            "survey team all away: fallback", List.of(), "holiday", "fb", "fb", "FALLBACK_OWNER"),
        Arguments.of(
            "away fallback owner is the last resort",
            List.of(toOwner("dan", "dan")),
            "holiday",
            "dan",
            "dan",
            "FALLBACK_OWNER"),
        Arguments.of(
            "everything broken but the fallback",
            List.of(
                toTeam("lost", "deleted-team"),
                toTeam("nobody", "empty"),
                toOwner("dan", "dan"),
                toOwner("eve", "eve")),
            "holiday",
            "fb",
            "fb",
            "FALLBACK_OWNER"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void everyCommentEndsAtAnOwner(
      String name,
      List<RuleDefinition> rules,
      String surveyTeam,
      String fallback,
      String expectedOwner,
      String expectedRoutedBy) {
    RoutingDecision decision = CaseRouter.route(new World().input(rules, surveyTeam, fallback));
    Assignment assignment = decision.assignment().orElseThrow();
    assertThat(assignment.ownerId()).isEqualTo(expectedOwner);
    assertThat(assignment.rule()).isEqualTo(expectedRoutedBy);
    assertThat(decision.steps()).filteredOn(RoutingStep::decided).hasSize(1);
    assertThat(decision.steps().get(decision.steps().size() - 1).decided()).isTrue();
  }

  @Test
  void anAwayMemberIsSkippedAndTheTurnMovesOn() {
    World world = new World();
    world.away.add("ann");
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      owners.add(
          CaseRouter.route(world.input(List.of(), "support", "fb"))
              .assignment()
              .orElseThrow()
              .ownerId());
    }
    assertThat(owners).containsExactly("bob", "bob", "bob");
  }

  @Test
  void theStepsSayWhyEachRuleFellThrough() {
    RoutingDecision decision =
        CaseRouter.route(
            new World()
                .input(
                    List.of(promotersTo("fans", "billing"), toOwner("dan", "dan")), "empty", "fb"));
    assertThat(decision.steps())
        .extracting(RoutingStep::step, RoutingStep::decided)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RULE:fans", false),
            org.assertj.core.groups.Tuple.tuple("RULE:dan", false),
            org.assertj.core.groups.Tuple.tuple("SURVEY_DEFAULT_TEAM", false),
            org.assertj.core.groups.Tuple.tuple("FALLBACK_OWNER", true));
    assertThat(decision.steps().get(0).reason()).contains("score 2 is outside 9–10");
    assertThat(decision.steps().get(1).reason()).contains("dan is away");
    assertThat(decision.steps().get(2).reason()).contains("has no members");
  }

  @Test
  void aPreviewTakesNoTurn() {
    World world = new World();
    CaseRouter.Input input = world.input(List.of(toTeam("support", "support")), null, "fb");
    assertThat(CaseRouter.preview(input).assignment().orElseThrow().ownerId()).isEqualTo("ann");
    assertThat(CaseRouter.preview(input).assignment().orElseThrow().ownerId()).isEqualTo("ann");
    assertThat(CaseRouter.route(input).assignment().orElseThrow().ownerId()).isEqualTo("ann");
    assertThat(CaseRouter.route(input).assignment().orElseThrow().ownerId()).isEqualTo("bob");
  }

  @Test
  void withNobodyAnywhereThePreviewSaysSoAndRealRoutingRefuses() {
    World world = new World();
    CaseRouter.Input input = world.input(List.of(toOwner("eve", "eve")), "empty", null);
    RoutingDecision preview = CaseRouter.preview(input);
    assertThat(preview.assignment()).isEmpty();
    assertThat(preview.steps()).extracting(RoutingStep::decided).containsOnly(false);
    assertThatThrownBy(() -> CaseRouter.route(input))
        .isInstanceOf(CaseRouter.NoOwnerAvailableException.class);
  }

  @Test
  void longRuleNamesFitTheRoutedByColumn() {
    RoutingDecision decision =
        CaseRouter.route(new World().input(List.of(toOwner("x".repeat(100), "bob")), null, "fb"));
    assertThat(decision.assignment().orElseThrow().rule()).hasSize(40).startsWith("RULE:xxx");
  }
}
