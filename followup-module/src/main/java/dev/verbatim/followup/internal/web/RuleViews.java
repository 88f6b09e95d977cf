package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.application.RoutingInputs;
import dev.verbatim.followup.internal.domain.Assignment;
import dev.verbatim.followup.internal.domain.RoutingDecision;
import dev.verbatim.followup.internal.domain.RoutingRule;
import dev.verbatim.followup.internal.domain.RoutingStep;
import dev.verbatim.followup.internal.domain.ScoreBand;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Rules and dry runs as the API and the Routing page show them: names, not only ids. */
@ApplicationScoped
public class RuleViews {
  @Inject FollowupSetupService setup;
  @Inject StaffDirectory staff;
  @Inject RoutingInputs inputs;

  public record RuleJson(
      String id,
      int position,
      String name,
      boolean active,
      String surveyId,
      String questionKey,
      String band,
      Integer scoreMin,
      Integer scoreMax,
      String attributeName,
      List<String> attributeValues,
      List<String> keywords,
      String targetTeamId,
      String targetTeamName,
      String targetOwner,
      String targetOwnerName,
      String targetProblem,
      String summary) {}

  public record OwnerJson(String username, String name) {}

  public record DryRunJson(
      String decidedBy,
      String rule,
      OwnerJson owner,
      String teamId,
      String teamName,
      List<RoutingStep> steps) {}

  public List<RuleJson> rules(List<RoutingRule> rules) {
    Map<String, Team> teams =
        setup.teams().stream().collect(Collectors.toMap(Team::id, Function.identity()));
    return rules.stream().map(r -> rule(r, teams)).toList();
  }

  public RuleJson rule(RoutingRule rule) {
    return rules(List.of(rule)).get(0);
  }

  private RuleJson rule(RoutingRule r, Map<String, Team> teams) {
    Team team = r.targetTeamId() == null ? null : teams.get(r.targetTeamId());
    Optional<StaffUser> owner = Optional.ofNullable(r.targetOwnerId()).flatMap(staff::findById);
    String problem = null;
    if (r.targetTeamId() != null && team == null) {
      problem = "the team no longer exists";
    } else if (team != null && team.memberIds().isEmpty()) {
      problem = "the team has no members";
    } else if (r.targetOwnerId() != null
        && owner.filter(u -> u.active() && u.hasRole(Roles.OWNER)).isEmpty()) {
      problem = "the owner is no longer an active owner";
    } else if (r.targetOwnerId() != null && inputs.isAway(r.targetOwnerId())) {
      problem = "the owner is away";
    }
    return new RuleJson(
        r.id(),
        r.position(),
        r.name(),
        r.active(),
        r.surveyId(),
        r.questionKey(),
        r.band().map(ScoreBand::name).orElse(null),
        r.scoreMin(),
        r.scoreMax(),
        r.attributeName(),
        r.attributeValues(),
        r.keywords(),
        r.targetTeamId(),
        team == null ? null : team.name(),
        owner.map(StaffUser::username).orElse(null),
        owner.map(StaffUser::displayName).orElse(null),
        problem,
        summary(r));
  }

  private static String summary(RoutingRule r) {
    List<String> parts = new ArrayList<>();
    if (r.surveyId() != null) {
      parts.add("one survey");
    }
    if (r.questionKey() != null) {
      parts.add("question " + r.questionKey());
    }
    if (r.scoreMin() != null) {
      parts.add(
          r.band()
              .map(b -> b.name().toLowerCase() + "s (" + b.min() + "–" + b.max() + ")")
              .orElse("score " + r.scoreMin() + "–" + r.scoreMax()));
    }
    if (r.attributeName() != null) {
      parts.add(r.attributeName() + " is one of " + String.join(", ", r.attributeValues()));
    }
    if (!r.keywords().isEmpty()) {
      parts.add("comment mentions " + String.join(" or ", r.keywords()));
    }
    return parts.isEmpty() ? "every comment" : String.join("; ", parts);
  }

  public DryRunJson dryRun(RoutingDecision decision) {
    if (decision.assignment().isEmpty()) {
      return new DryRunJson(null, null, null, null, null, decision.steps());
    }
    Assignment a = decision.assignment().get();
    RoutingStep decided = decision.steps().get(decision.steps().size() - 1);
    String ruleName =
        decided.step().startsWith("RULE:") ? decided.step().substring("RULE:".length()) : null;
    OwnerJson owner =
        staff
            .findById(a.ownerId())
            .map(u -> new OwnerJson(u.username(), u.displayName()))
            .orElse(null);
    String teamName =
        a.teamId() == null
            ? null
            : setup.teams().stream()
                .filter(t -> t.id().equals(a.teamId()))
                .map(Team::name)
                .findFirst()
                .orElse(null);
    String decidedBy = ruleName == null ? decided.step() : "RULE";
    return new DryRunJson(decidedBy, ruleName, owner, a.teamId(), teamName, decision.steps());
  }
}
