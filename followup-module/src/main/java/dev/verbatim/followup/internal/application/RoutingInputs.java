package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.CaseRouter;
import dev.verbatim.followup.internal.domain.CommentFacts;
import dev.verbatim.followup.internal.domain.FollowupSettings;
import dev.verbatim.followup.internal.domain.OwnerAvailability;
import dev.verbatim.followup.internal.domain.OwnerStatus;
import dev.verbatim.followup.internal.domain.RoutingRule;
import dev.verbatim.followup.internal.domain.SurveyRouting;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.followup.internal.persistence.RoutingRepository;
import dev.verbatim.followup.internal.persistence.TeamRepository;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers what {@link CaseRouter} decides on: the rules in order, the teams (locked when the
 * decision is for real, so two responses never take the same turn), who is away, open case counts.
 */
@ApplicationScoped
public class RoutingInputs {
  @Inject RoutingRepository routing;
  @Inject TeamRepository teams;
  @Inject CaseRepository cases;

  @Inject StaffDirectory staff;

  public List<RoutingRule> rules() {
    return routing.rules();
  }

  /**
   * @param forReal lock the teams consulted (inside the response's transaction); false for a dry
   *     run, which reads without locking and changes nothing
   */
  public CaseRouter.Input inputFor(CommentFacts facts, boolean forReal) {
    Optional<Team> surveyTeam =
        Optional.ofNullable(routing.surveyRouting(facts.surveyId()))
            .map(SurveyRouting::defaultTeamId)
            .flatMap(teamId -> team(teamId, forReal));
    FollowupSettings settings = routing.settings();
    return new CaseRouter.Input(
        facts,
        rules(),
        teamId -> team(teamId, forReal),
        surveyTeam,
        Optional.ofNullable(settings == null ? null : settings.fallbackOwnerId()),
        new Owners());
  }

  private Optional<Team> team(String teamId, boolean lock) {
    return Optional.ofNullable(lock ? teams.findForUpdate(teamId) : teams.find(teamId));
  }

  public boolean isAway(String userId) {
    OwnerStatus status = routing.ownerStatus(userId);
    return status != null && status.away();
  }

  /** One decision's view of the owners; looks each one up once. */
  private final class Owners implements OwnerAvailability {
    private final Map<String, Optional<StaffUser>> users = new HashMap<>();

    private Optional<StaffUser> user(String id) {
      return users.computeIfAbsent(id, staff::findById);
    }

    @Override
    public boolean canTakeCases(String userId) {
      return user(userId).filter(StaffUser::active).filter(u -> u.hasRole(Roles.OWNER)).isPresent();
    }

    @Override
    public boolean isAway(String userId) {
      return RoutingInputs.this.isAway(userId);
    }

    @Override
    public long openCases(String userId) {
      return cases.openCasesOf(userId);
    }

    @Override
    public String nameOf(String userId) {
      return user(userId).map(StaffUser::displayName).orElse("a deleted user");
    }
  }
}
