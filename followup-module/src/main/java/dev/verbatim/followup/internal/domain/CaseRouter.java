package dev.verbatim.followup.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides who owns a new case: the first matching rule whose team or owner can take it, else the
 * survey's default team, else the global fallback owner. A rule whose target is gone, empty or away
 * falls through to the next step. Never returns without an owner: when nobody can take the case it
 * throws, which rolls the customer's response back so it can be retried.
 */
public final class CaseRouter {
  private CaseRouter() {}

  /** Everything one routing decision looks at. {@code teams} finds a rule's target team by id. */
  public record Input(
      CommentFacts facts,
      List<RoutingRule> rules,
      Function<String, Optional<Team>> teams,
      Optional<Team> surveyTeam,
      Optional<String> fallbackOwnerId,
      OwnerAvailability owners) {}

  /** Routes the comment and takes the chosen team's turn. */
  public static RoutingDecision route(Input input) {
    RoutingDecision decision = decide(input, true);
    if (decision.assignment().isEmpty()) {
      throw new NoOwnerAvailableException();
    }
    return decision;
  }

  /** The same decision without taking any team's turn: what would happen now (dry run). */
  public static RoutingDecision preview(Input input) {
    return decide(input, false);
  }

  /** Survey team, then fallback owner: routing without rules. */
  public static Assignment route(
      Optional<Team> surveyTeam, Optional<String> fallbackOwnerId, Predicate<String> canTakeCases) {
    OwnerAvailability owners =
        new OwnerAvailability() {
          @Override
          public boolean canTakeCases(String userId) {
            return canTakeCases.test(userId);
          }

          @Override
          public boolean isAway(String userId) {
            return false;
          }

          @Override
          public long openCases(String userId) {
            return 0;
          }
        };
    return route(
            new Input(
                new CommentFacts(null, null, null, null, null),
                List.of(),
                id -> Optional.empty(),
                surveyTeam,
                fallbackOwnerId,
                owners))
        .assignment()
        .orElseThrow();
  }

  private static RoutingDecision decide(Input in, boolean take) {
    List<RoutingStep> steps = new ArrayList<>();
    for (RoutingRule rule : in.rules()) {
      String step = "RULE:" + rule.name();
      Optional<String> mismatch = rule.mismatch(in.facts());
      if (mismatch.isPresent()) {
        steps.add(new RoutingStep(step, false, "not matched: " + mismatch.get()));
        continue;
      }
      Outcome outcome = target(rule, in, take);
      steps.add(new RoutingStep(step, outcome.assignment() != null, outcome.reason()));
      if (outcome.assignment() != null) {
        return new RoutingDecision(Optional.of(outcome.assignment()), steps);
      }
    }
    if (in.surveyTeam().isPresent()) {
      Outcome outcome = team(in.surveyTeam().get(), Assignment.SURVEY_TEAM, in, take);
      steps.add(
          new RoutingStep(Assignment.SURVEY_TEAM, outcome.assignment() != null, outcome.reason()));
      if (outcome.assignment() != null) {
        return new RoutingDecision(Optional.of(outcome.assignment()), steps);
      }
    } else {
      steps.add(new RoutingStep(Assignment.SURVEY_TEAM, false, "the survey has no default team"));
    }
    Optional<String> fallback = in.fallbackOwnerId();
    if (fallback.isPresent() && in.owners().canTakeCases(fallback.get())) {
      String who = in.owners().nameOf(fallback.get());
      steps.add(
          new RoutingStep(
              Assignment.FALLBACK,
              true,
              in.owners().isAway(fallback.get())
                  ? who + " is away but takes it as the last resort"
                  : "to " + who));
      return new RoutingDecision(
          Optional.of(new Assignment(fallback.get(), null, Assignment.FALLBACK)), steps);
    }
    steps.add(
        new RoutingStep(
            Assignment.FALLBACK,
            false,
            fallback.isEmpty()
                ? "no fallback owner is set"
                : in.owners().nameOf(fallback.get()) + " is not an active owner"));
    return new RoutingDecision(Optional.empty(), steps);
  }

  private static Outcome target(RoutingRule rule, Input in, boolean take) {
    if (rule.targetOwnerId() != null) {
      String owner = rule.targetOwnerId();
      String whyNot = in.owners().whyNot(owner);
      if (whyNot != null) {
        return new Outcome(null, "matched, but " + in.owners().nameOf(owner) + " " + whyNot);
      }
      return new Outcome(
          new Assignment(owner, null, rule.label()), "matched: to " + in.owners().nameOf(owner));
    }
    Optional<Team> team = in.teams().apply(rule.targetTeamId());
    if (team.isEmpty()) {
      return new Outcome(null, "matched, but its team no longer exists");
    }
    Outcome outcome = team(team.get(), rule.label(), in, take);
    return new Outcome(outcome.assignment(), "matched, " + outcome.reason());
  }

  private static Outcome team(Team team, String label, Input in, boolean take) {
    if (team.memberIds().isEmpty()) {
      return new Outcome(null, "but team " + team.name() + " has no members");
    }
    Optional<Team.Pick> pick = team.pick(in.owners()::available, in.owners()::openCases);
    if (pick.isEmpty()) {
      String why =
          team.memberIds().stream()
              .map(id -> in.owners().nameOf(id) + " " + in.owners().whyNot(id))
              .sorted()
              .collect(Collectors.joining(", "));
      return new Outcome(null, "but nobody in team " + team.name() + " can take it: " + why);
    }
    if (take) {
      team.take(pick.get());
    }
    String owner = pick.get().ownerId();
    return new Outcome(
        new Assignment(owner, team.id(), label),
        "to " + in.owners().nameOf(owner) + " of team " + team.name() + strategyNote(team));
  }

  private static String strategyNote(Team team) {
    return Team.FEWEST_OPEN.equals(team.strategy()) ? " (fewest open cases)" : " (round robin)";
  }

  private record Outcome(Assignment assignment, String reason) {}

  /**
   * Configuration broke the guarantee (no usable fallback owner); the transaction must not commit.
   */
  public static class NoOwnerAvailableException extends IllegalStateException {
    public NoOwnerAvailableException() {
      super(
          "No owner can take this comment: set an active fallback owner (Routing page, or PUT /api/followup/settings).");
    }
  }
}
