package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseRouterTest {
  private static final Predicate<String> EVERYONE = id -> true;

  private static Team team(String... members) {
    return new Team("team-1", "Support", Set.of(members), 0L);
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of(
            "team member takes it",
            Optional.of(team("ann")),
            Optional.of("fallback"),
            EVERYONE,
            "ann",
            Assignment.SURVEY_TEAM),
        Arguments.of(
            "no team: fallback owner",
            Optional.empty(),
            Optional.of("fallback"),
            EVERYONE,
            "fallback",
            Assignment.FALLBACK),
        Arguments.of(
            "empty team falls through",
            Optional.of(team()),
            Optional.of("fallback"),
            EVERYONE,
            "fallback",
            Assignment.FALLBACK),
        Arguments.of(
            "inactive member skipped",
            Optional.of(team("ann", "bob")),
            Optional.of("fallback"),
            (Predicate<String>) id -> !id.equals("ann"),
            "bob",
            Assignment.SURVEY_TEAM),
        Arguments.of(
            "whole team unavailable",
            Optional.of(team("ann", "bob")),
            Optional.of("fallback"),
            (Predicate<String>) id -> id.equals("fallback"),
            "fallback",
            Assignment.FALLBACK));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void everyCommentEndsAtAnOwner(
      String name,
      Optional<Team> team,
      Optional<String> fallback,
      Predicate<String> eligible,
      String expectedOwner,
      String expectedRule) {
    Assignment assignment = CaseRouter.route(team, fallback, eligible);
    assertThat(assignment.ownerId()).isEqualTo(expectedOwner);
    assertThat(assignment.rule()).isEqualTo(expectedRule);
  }

  @Test
  void teamMembersTakeTurns() {
    Team team = team("ann", "bob", "cid");
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      owners.add(CaseRouter.route(Optional.of(team), Optional.empty(), EVERYONE).ownerId());
    }
    assertThat(owners).containsExactly("ann", "bob", "cid", "ann", "bob", "cid");
  }

  @Test
  void withNobodyToTakeTheCommentRoutingRefusesSoTheResponseRollsBack() {
    assertThatThrownBy(() -> CaseRouter.route(Optional.empty(), Optional.empty(), EVERYONE))
        .isInstanceOf(CaseRouter.NoOwnerAvailableException.class);
    assertThatThrownBy(
            () -> CaseRouter.route(Optional.of(team("ann")), Optional.of("fallback"), id -> false))
        .isInstanceOf(CaseRouter.NoOwnerAvailableException.class);
  }
}
