package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** Routing set-up for program managers: teams, each survey's default team, the fallback owner. */
@Path("/api/followup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class FollowupSetupResource {
  @Inject FollowupSetupService setup;

  public record TeamRequest(String name, List<String> members, String lead, String strategy) {}

  /** Lead (a username, or null for none) and strategy (ROUND_ROBIN or FEWEST_OPEN). */
  public record TeamUpdate(String lead, String strategy) {}

  public record TeamJson(
      String id, String name, Set<String> memberIds, String leadUserId, String strategy) {
    static TeamJson of(Team t) {
      return new TeamJson(t.id(), t.name(), t.memberIds(), t.leadUserId(), t.strategy());
    }
  }

  public record RoutingRequest(String defaultTeamId) {}

  public record SettingsRequest(String fallbackOwner) {}

  public record SettingsJson(String fallbackOwner, String fallbackOwnerName) {}

  @POST
  @Path("teams")
  public Response createTeam(@NotNull TeamRequest request) {
    return Response.status(Response.Status.CREATED)
        .entity(
            TeamJson.of(
                setup.createTeam(
                    request.name(), request.members(), request.lead(), request.strategy())))
        .build();
  }

  @PUT
  @Path("teams/{teamId}")
  public TeamJson updateTeam(@PathParam("teamId") String teamId, @NotNull TeamUpdate request) {
    return TeamJson.of(setup.updateTeam(teamId, request.lead(), request.strategy()));
  }

  @GET
  @Path("teams")
  public List<TeamJson> teams() {
    return setup.teams().stream().map(TeamJson::of).toList();
  }

  @PUT
  @Path("surveys/{surveyId}/routing")
  public RoutingRequest setRouting(
      @PathParam("surveyId") String surveyId, @NotNull RoutingRequest request) {
    setup.setDefaultTeam(surveyId, request.defaultTeamId());
    return request;
  }

  @PUT
  @Path("settings")
  public SettingsJson setSettings(@NotNull SettingsRequest request) {
    StaffUser owner = setup.setFallbackOwner(request.fallbackOwner());
    return new SettingsJson(owner.username(), owner.displayName());
  }

  @GET
  @Path("settings")
  public SettingsJson settings() {
    return setup
        .fallbackOwner()
        .map(o -> new SettingsJson(o.username(), o.displayName()))
        .orElse(new SettingsJson(null, null));
  }
}
