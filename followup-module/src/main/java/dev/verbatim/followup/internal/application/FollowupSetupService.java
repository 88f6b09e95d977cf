package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.SurveyRouting;
import dev.verbatim.followup.internal.domain.Team;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who can own comments: teams, each survey's default team, and the global fallback owner. */
@ApplicationScoped
public class FollowupSetupService {
  @Inject TeamRepository teams;
  @Inject RoutingRepository routing;

  @Inject StaffDirectory staff;
  @Inject SurveyDirectory surveys;
  @Inject Clock clock;

  @Transactional
  public Team createTeam(String name, List<String> memberUsernames) {
    return createTeam(name, memberUsernames, null, null);
  }

  /**
   * @param leadUsername who gets the team's escalations (an active owner or manager), or null
   * @param strategy ROUND_ROBIN (null) or FEWEST_OPEN
   */
  @Transactional
  public Team createTeam(
      String name, List<String> memberUsernames, String leadUsername, String strategy) {
    List<FieldError> errors = new ArrayList<>();
    String leadId = leadId(leadUsername, errors);
    String sharing = strategy(strategy, errors);
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      errors.add(new FieldError("name", "must be 1 to 100 characters"));
    } else if (teams.nameTaken(name.strip())) {
      errors.add(new FieldError("name", "is already used by another team"));
    }
    Set<String> memberIds = new LinkedHashSet<>();
    List<String> usernames = memberUsernames == null ? List.of() : memberUsernames;
    if (usernames.isEmpty()) {
      errors.add(new FieldError("members", "must name at least one owner"));
    }
    for (int i = 0; i < usernames.size(); i++) {
      Optional<StaffUser> user =
          staff.findByUsername(usernames.get(i)).filter(u -> u.active() && u.hasRole(Roles.OWNER));
      if (user.isEmpty()) {
        errors.add(
            new FieldError(
                "members[" + i + "]",
                "'" + usernames.get(i) + "' is not an active user with the owner role"));
      } else {
        memberIds.add(user.get().id());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Team team = new Team(Ids.newId(), name.strip(), memberIds, clock.millis());
    team.appointLead(leadId);
    team.shareBy(sharing);
    teams.addNow(team); // routing rows reference the team; no JPA relationship orders the inserts
    return team;
  }

  /** Changes who leads the team (null: nobody) and how it shares cases (null: round robin). */
  @Transactional
  public Team updateTeam(String teamId, String leadUsername, String strategy) {
    Team team = team(teamId);
    List<FieldError> errors = new ArrayList<>();
    String leadId = leadId(leadUsername, errors);
    String sharing = strategy(strategy, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    team.appointLead(leadId);
    team.shareBy(sharing);
    return team;
  }

  /**
   * Makes an active member of staff the team's lead: they get its escalations and see its cases.
   */
  @Transactional
  public Team appointLead(String teamId, String username) {
    Team team = team(teamId);
    StaffUser lead =
        staff
            .findByUsername(username == null ? "" : username)
            .filter(StaffUser::active)
            .orElseThrow(
                () -> new InvalidInputException("lead", "must be the username of an active user"));
    team.appointLead(lead.id());
    return team;
  }

  private Team team(String teamId) {
    Team team = teamId == null ? null : teams.find(teamId);
    if (team == null) {
      throw new ResourceNotFoundException("There is no team with id " + teamId + ".");
    }
    return team;
  }

  private String leadId(String username, List<FieldError> errors) {
    if (username == null || username.isBlank()) {
      return null;
    }
    Optional<StaffUser> lead =
        staff
            .findByUsername(username.strip())
            .filter(u -> u.active() && (u.hasRole(Roles.OWNER) || u.hasRole(Roles.MANAGER)));
    if (lead.isEmpty()) {
      errors.add(new FieldError("lead", "must be the username of an active owner or manager"));
      return null;
    }
    return lead.get().id();
  }

  private static String strategy(String strategy, List<FieldError> errors) {
    if (strategy == null || strategy.isBlank()) {
      return Team.ROUND_ROBIN;
    }
    String upper = strategy.strip().toUpperCase(java.util.Locale.ROOT);
    if (!Team.isStrategy(upper)) {
      errors.add(new FieldError("strategy", "must be ROUND_ROBIN or FEWEST_OPEN"));
      return Team.ROUND_ROBIN;
    }
    return upper;
  }

  public List<Team> teams() {
    return teams.byName();
  }

  @Transactional
  public void setDefaultTeam(String surveyId, String teamId) {
    if (surveys.survey(surveyId).isEmpty()) {
      throw new ResourceNotFoundException("There is no survey with id " + surveyId + ".");
    }
    if (teamId != null && teams.find(teamId) == null) {
      throw new InvalidInputException("defaultTeamId", "there is no team with this id");
    }
    SurveyRouting routing = this.routing.surveyRouting(surveyId);
    if (routing == null) {
      this.routing.addSurveyRouting(new SurveyRouting(surveyId, teamId));
    } else {
      routing.defaultTeam(teamId);
    }
  }

  public Optional<String> defaultTeamId(String surveyId) {
    return Optional.ofNullable(routing.surveyRouting(surveyId)).map(SurveyRouting::defaultTeamId);
  }

  @Transactional
  public StaffUser setFallbackOwner(String username) {
    StaffUser owner =
        staff
            .findByUsername(username == null ? "" : username)
            .filter(u -> u.active() && u.hasRole(Roles.OWNER))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "fallbackOwner",
                        "must be the username of an active user with the owner role"));
    routing.settings().fallbackOwner(owner.id());
    return owner;
  }

  /** The fallback owner, if one is set and can still take cases (active, owner role). */
  public Optional<StaffUser> fallbackOwner() {
    return Optional.ofNullable(routing.settings().fallbackOwnerId())
        .flatMap(staff::findById)
        .filter(u -> u.active() && u.hasRole(Roles.OWNER));
  }
}
