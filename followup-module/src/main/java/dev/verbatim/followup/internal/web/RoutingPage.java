package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Who answers comments: the fallback owner, teams, and each survey's default team. */
@Path("/app/routing")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class RoutingPage {
  @Inject FollowupSetupService setup;
  @Inject StaffDirectory staff;
  @Inject SurveyDirectory surveys;
  @Inject PageRenderer pages;

  @GET
  public String show(@QueryParam("notice") String notice, @QueryParam("error") String error) {
    List<StaffUser> owners = staff.withRole(Roles.OWNER);
    Optional<StaffUser> fallback = setup.fallbackOwner();
    List<Team> teams = setup.teams();
    Map<String, String> ownerNames =
        owners.stream().collect(Collectors.toMap(StaffUser::id, StaffUser::displayName));
    Map<String, Object> model = new HashMap<>();
    model.put("notice", notice);
    model.put("error", error);
    model.put("noFallback", fallback.isEmpty());
    model.put("noOwners", owners.isEmpty());
    model.put(
        "owners",
        owners.stream()
            .map(
                o ->
                    Map.of(
                        "username",
                        o.username(),
                        "name",
                        o.displayName(),
                        "selected",
                        fallback.map(f -> f.id().equals(o.id())).orElse(false)))
            .toList());
    model.put(
        "teams",
        teams.stream()
            .map(
                t ->
                    Map.of(
                        "name",
                        t.name(),
                        "members",
                        t.memberIds().stream()
                            .map(id -> ownerNames.getOrDefault(id, "(inactive)"))
                            .sorted()
                            .collect(Collectors.joining(", "))))
            .toList());
    model.put("surveys", surveys.surveys().stream().map(s -> surveyRow(s, teams)).toList());
    return pages.staffPage("followup/routing", "Routing", model);
  }

  private Map<String, Object> surveyRow(SurveySummary survey, List<Team> teams) {
    String current = setup.defaultTeamId(survey.id()).orElse("");
    return Map.of(
        "id",
        survey.id(),
        "title",
        survey.title(),
        "options",
        teams.stream()
            .map(t -> Map.of("id", t.id(), "name", t.name(), "selected", t.id().equals(current)))
            .toList());
  }

  @POST
  @Path("fallback")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setFallback(MultivaluedMap<String, String> form) {
    return act(
        () ->
            "Fallback owner is now "
                + setup.setFallbackOwner(form.getFirst("fallbackOwner")).displayName()
                + ".");
  }

  @POST
  @Path("teams")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createTeam(MultivaluedMap<String, String> form) {
    return act(
        () ->
            "Team "
                + setup
                    .createTeam(form.getFirst("name"), form.getOrDefault("members", List.of()))
                    .name()
                + " created.");
  }

  @POST
  @Path("surveys/{surveyId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setSurveyTeam(
      @PathParam("surveyId") String surveyId, MultivaluedMap<String, String> form) {
    String teamId = form.getFirst("teamId");
    return act(
        () -> {
          setup.setDefaultTeam(surveyId, teamId == null || teamId.isBlank() ? null : teamId);
          return "Routing saved.";
        });
  }

  private static Response act(java.util.function.Supplier<String> action) {
    String query;
    try {
      query = "notice=" + URLEncoder.encode(action.get(), StandardCharsets.UTF_8);
    } catch (InvalidInputException invalid) {
      query =
          "error="
              + URLEncoder.encode(
                  invalid.errors().stream()
                      .map(e -> e.field() + ": " + e.message())
                      .collect(Collectors.joining("; ")),
                  StandardCharsets.UTF_8);
    }
    return Response.seeOther(URI.create("/app/routing?" + query)).build();
  }
}
