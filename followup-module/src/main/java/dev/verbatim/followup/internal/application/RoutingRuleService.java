package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.CaseRouter;
import dev.verbatim.followup.internal.domain.CommentFacts;
import dev.verbatim.followup.internal.domain.RoutingDecision;
import dev.verbatim.followup.internal.domain.RoutingRule;
import dev.verbatim.followup.internal.domain.RuleDefinition;
import dev.verbatim.followup.internal.domain.ScoreBand;
import dev.verbatim.followup.internal.persistence.RoutingRepository;
import dev.verbatim.followup.internal.persistence.TeamRepository;
import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ordered routing rules: kept by program managers, tried in order for every comment. */
@ApplicationScoped
public class RoutingRuleService {
  private static final int MAX_JOINED = 1000;

  @Inject RoutingRepository routing;
  @Inject TeamRepository teams;

  @Inject RoutingInputs inputs;
  @Inject StaffDirectory staff;
  @Inject SurveyDirectory surveys;
  @Inject Clock clock;

  /**
   * A rule as a manager writes it. {@code band} (DETRACTOR, PASSIVE, PROMOTER) or a {@code
   * scoreMin}–{@code scoreMax} range; {@code targetTeamId} or {@code targetOwner} (a username).
   */
  public record RuleInput(
      String name,
      String surveyId,
      String questionKey,
      String band,
      Integer scoreMin,
      Integer scoreMax,
      String attributeName,
      List<String> attributeValues,
      List<String> keywords,
      String targetTeamId,
      String targetOwner,
      Boolean active) {}

  /** A sample comment to route without opening a case. */
  public record DryRunInput(
      String surveyId,
      String questionKey,
      Integer score,
      String comment,
      Map<String, String> attributes) {}

  public List<RoutingRule> rules() {
    return inputs.rules();
  }

  @Transactional
  public RoutingRule create(RuleInput input) {
    RuleDefinition definition = validate(input, null);
    int position = routing.nextRulePosition();
    RoutingRule rule = new RoutingRule(Ids.newId(), position, definition, clock.millis());
    routing.addRule(rule);
    return rule;
  }

  @Transactional
  public RoutingRule update(String id, RuleInput input) {
    RoutingRule rule = find(id);
    rule.redefine(validate(input, id));
    return rule;
  }

  @Transactional
  public void delete(String id) {
    routing.removeRule(find(id));
  }

  /** Puts the rules in this order; {@code ids} must name every rule exactly once. */
  @Transactional
  public List<RoutingRule> reorder(List<String> ids) {
    List<RoutingRule> current = rules();
    List<String> given = ids == null ? List.of() : ids;
    List<String> known = current.stream().map(RoutingRule::id).toList();
    if (given.size() != known.size()
        || !new HashSet<>(given).equals(new HashSet<>(known))
        || new HashSet<>(given).size() != given.size()) {
      throw new InvalidInputException("ids", "must list the id of every rule exactly once");
    }
    for (RoutingRule rule : current) {
      rule.moveTo(given.indexOf(rule.id()));
    }
    return sorted(current);
  }

  /** Swaps the rule with its neighbour above ({@code up}) or below; at either end nothing moves. */
  @Transactional
  public List<RoutingRule> move(String id, String direction) {
    find(id);
    boolean up;
    if ("up".equalsIgnoreCase(direction)) {
      up = true;
    } else if ("down".equalsIgnoreCase(direction)) {
      up = false;
    } else {
      throw new InvalidInputException("direction", "must be up or down");
    }
    List<RoutingRule> current = new ArrayList<>(rules());
    int at = current.stream().map(RoutingRule::id).toList().indexOf(id);
    int other = up ? at - 1 : at + 1;
    if (other >= 0 && other < current.size()) {
      current.add(other, current.remove(at));
    }
    for (int i = 0; i < current.size(); i++) {
      current.get(i).moveTo(i);
    }
    return current;
  }

  /**
   * Routes a sample comment as a real one would be routed now, without taking any team's turn or
   * writing anything (no transaction: the entities read are detached and nothing is locked).
   */
  public RoutingDecision dryRun(DryRunInput input) {
    List<FieldError> errors = new ArrayList<>();
    if (input.surveyId() == null || surveys.survey(input.surveyId()).isEmpty()) {
      errors.add(new FieldError("surveyId", "there is no survey with this id"));
    }
    if (input.score() != null && (input.score() < 0 || input.score() > 10)) {
      errors.add(new FieldError("score", "must be from 0 to 10"));
    }
    if (input.comment() == null || input.comment().isBlank()) {
      errors.add(new FieldError("comment", "write a sample comment"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return CaseRouter.preview(
        inputs.inputFor(
            new CommentFacts(
                input.surveyId(),
                blankToNull(input.questionKey()),
                input.score(),
                input.comment(),
                input.attributes()),
            false));
  }

  private RoutingRule find(String id) {
    RoutingRule rule = id == null ? null : routing.rule(id);
    if (rule == null) {
      throw new ResourceNotFoundException("There is no routing rule with id " + id + ".");
    }
    return rule;
  }

  private RuleDefinition validate(RuleInput in, String ownId) {
    List<FieldError> errors = new ArrayList<>();
    String name = blankToNull(in.name());
    if (name == null || name.length() > 100) {
      errors.add(new FieldError("name", "must be 1 to 100 characters"));
    } else if (rules().stream()
        .anyMatch(r -> r.name().equalsIgnoreCase(name) && !r.id().equals(ownId))) {
      errors.add(new FieldError("name", "is already used by another rule"));
    }
    String surveyId = blankToNull(in.surveyId());
    if (surveyId != null && surveys.survey(surveyId).isEmpty()) {
      errors.add(new FieldError("surveyId", "there is no survey with this id"));
    }
    String questionKey = blankToNull(in.questionKey());
    if (questionKey != null && questionKey.length() > 60) {
      errors.add(new FieldError("questionKey", "must be at most 60 characters"));
    }
    Integer min = in.scoreMin();
    Integer max = in.scoreMax();
    String band = blankToNull(in.band());
    if (band != null) {
      Optional<ScoreBand> known = ScoreBand.named(band);
      if (known.isEmpty()) {
        errors.add(new FieldError("band", "must be DETRACTOR, PASSIVE or PROMOTER"));
      } else if (min != null || max != null) {
        errors.add(new FieldError("band", "give a band or a score range, not both"));
      } else {
        min = known.get().min();
        max = known.get().max();
      }
    }
    scoreInRange("scoreMin", min, errors);
    scoreInRange("scoreMax", max, errors);
    if (min != null && max != null && min > max) {
      errors.add(new FieldError("scoreMin", "must not be greater than scoreMax"));
    }
    String attributeName = blankToNull(in.attributeName());
    List<String> values = cleaned(in.attributeValues());
    if (attributeName != null && attributeName.length() > 60) {
      errors.add(new FieldError("attributeName", "must be at most 60 characters"));
    }
    if (attributeName != null && values.isEmpty()) {
      errors.add(new FieldError("attributeValues", "name at least one value to compare with"));
    }
    if (attributeName == null && !values.isEmpty()) {
      errors.add(new FieldError("attributeName", "name the contact attribute the values are for"));
    }
    listFits("attributeValues", values, errors);
    List<String> keywords = cleaned(in.keywords());
    listFits("keywords", keywords, errors);
    String teamId = blankToNull(in.targetTeamId());
    String ownerName = blankToNull(in.targetOwner());
    String ownerId = null;
    if (teamId == null && ownerName == null) {
      errors.add(new FieldError("targetTeamId", "set a target: a team or an owner"));
    } else if (teamId != null && ownerName != null) {
      errors.add(new FieldError("targetOwner", "set one target: a team or an owner, not both"));
    } else if (teamId != null && teams.find(teamId) == null) {
      errors.add(new FieldError("targetTeamId", "there is no team with this id"));
    } else if (ownerName != null) {
      Optional<StaffUser> owner =
          staff.findByUsername(ownerName).filter(u -> u.active() && u.hasRole(Roles.OWNER));
      if (owner.isEmpty()) {
        errors.add(new FieldError("targetOwner", "must be the username of an active owner"));
      } else {
        ownerId = owner.get().id();
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new RuleDefinition(
        name,
        surveyId,
        questionKey,
        min,
        max,
        attributeName,
        values,
        keywords,
        teamId,
        ownerId,
        in.active() == null || in.active());
  }

  private static void scoreInRange(String field, Integer score, List<FieldError> errors) {
    if (score != null && (score < 0 || score > 10)) {
      errors.add(new FieldError(field, "must be from 0 to 10"));
    }
  }

  private static void listFits(String field, List<String> items, List<FieldError> errors) {
    if (items.stream().anyMatch(v -> v.contains("\n") || v.contains("\r"))) {
      errors.add(new FieldError(field, "each entry must be on one line"));
    } else if (String.join("\n", items).length() > MAX_JOINED) {
      errors.add(new FieldError(field, "must be at most " + MAX_JOINED + " characters in all"));
    }
  }

  private static List<String> cleaned(List<String> items) {
    return items == null
        ? List.of()
        : items.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static List<RoutingRule> sorted(List<RoutingRule> rules) {
    return rules.stream().sorted(java.util.Comparator.comparingInt(RoutingRule::position)).toList();
  }
}
