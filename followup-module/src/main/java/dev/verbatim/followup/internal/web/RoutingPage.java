package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.application.OwnerStatusService;
import dev.verbatim.followup.internal.application.RoutingRuleService;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.ResourceNotFoundException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who answers comments: routing rules in order, teams (lead, strategy), owners away, each survey's
 * default team, the fallback owner, and a dry run.
 */
@Path("/app/routing")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class RoutingPage {
  @Inject FollowupSetupService setup;
  @Inject StaffDirectory staff;
  @Inject SurveyDirectory surveys;
  @Inject PageRenderer pages;
  @Inject RoutingRuleService rules;
  @Inject OwnerStatusService ownerStatus;
  @Inject RuleViews views;

  @GET
  public String show(@QueryParam("notice") String notice, @QueryParam("error") String error) {
    return pages.staffPage("followup/routing", "Routing", model(notice, error));
  }

  private Map<String, Object> model(String notice, String error) {
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
    List<StaffUser> leads = new ArrayList<>(owners);
    leads.addAll(staff.withRole(Roles.MANAGER));
    model.put("teams", teams.stream().map(t -> teamRow(t, ownerNames, leads)).toList());
    List<SurveySummary> allSurveys = surveys.surveys();
    model.put("surveys", allSurveys.stream().map(s -> surveyRow(s, teams)).toList());
    model.put("surveyOptions", allSurveys);
    model.put("teamOptions", teams);
    List<RuleViews.RuleJson> ruleRows = views.rules(rules.rules());
    List<Map<String, Object>> ruleModel = new ArrayList<>();
    for (int i = 0; i < ruleRows.size(); i++) {
      RuleViews.RuleJson r = ruleRows.get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("rule", r);
      row.put("number", i + 1);
      row.put("notFirst", i > 0);
      row.put("notLast", i < ruleRows.size() - 1);
      row.put(
          "target",
          r.targetTeamName() != null
              ? "team " + r.targetTeamName()
              : r.targetOwnerName() != null ? r.targetOwnerName() : "(missing)");
      ruleModel.add(row);
    }
    model.put("rules", ruleModel);
    model.put("noRules", ruleModel.isEmpty());
    model.put(
        "presence",
        ownerStatus.owners().stream()
            .map(
                p ->
                    Map.of(
                        "username", p.owner().username(),
                        "name", p.owner().displayName(),
                        "away", p.away()))
            .toList());
    return model;
  }

  private static Map<String, Object> teamRow(
      Team t, Map<String, String> ownerNames, List<StaffUser> leads) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", t.id());
    row.put("name", t.name());
    row.put(
        "members",
        t.memberIds().stream()
            .map(id -> ownerNames.getOrDefault(id, "(inactive)"))
            .sorted()
            .collect(Collectors.joining(", ")));
    row.put("fewestOpen", Team.FEWEST_OPEN.equals(t.strategy()));
    row.put(
        "leads",
        leads.stream()
            .map(
                u ->
                    Map.of(
                        "username",
                        u.username(),
                        "name",
                        u.displayName(),
                        "selected",
                        u.id().equals(t.leadUserId())))
            .toList());
    row.put(
        "leadName",
        leads.stream()
            .filter(u -> u.id().equals(t.leadUserId()))
            .map(StaffUser::displayName)
            .findFirst()
            .orElse("no lead"));
    return row;
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
                    .createTeam(
                        form.getFirst("name"),
                        form.getOrDefault("members", List.of()),
                        form.getFirst("lead"),
                        form.getFirst("strategy"))
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

  @POST
  @Path("teams/{teamId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response updateTeam(
      @PathParam("teamId") String teamId, MultivaluedMap<String, String> form) {
    return act(
        () ->
            "Team "
                + setup.updateTeam(teamId, form.getFirst("lead"), form.getFirst("strategy")).name()
                + " saved.");
  }

  @POST
  @Path("owners/{username}/away")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response markAway(
      @PathParam("username") String username, MultivaluedMap<String, String> form) {
    boolean away = "true".equals(form.getFirst("away"));
    return act(
        () ->
            ownerStatus.markAway(username, away).owner().displayName()
                + (away ? " is marked away." : " is back."));
  }

  @POST
  @Path("rules")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createRule(MultivaluedMap<String, String> form) {
    return act(() -> "Rule " + rules.create(RuleForm.read(form)).name() + " added.");
  }

  @POST
  @Path("rules/{id}/move")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response moveRule(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return act(
        () -> {
          rules.move(id, form.getFirst("direction"));
          return "Rule moved.";
        });
  }

  @POST
  @Path("rules/{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deleteRule(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return act(
        () -> {
          rules.delete(id);
          return "Rule deleted.";
        });
  }

  /** Shows where a sample comment would go, on the same page; changes nothing. */
  @POST
  @Path("dry-run")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String dryRun(MultivaluedMap<String, String> form) {
    Map<String, Object> model;
    try {
      RuleViews.DryRunJson result = views.dryRun(rules.dryRun(RuleForm.readDryRun(form)));
      model = model(null, null);
      model.put("dryRun", result);
      model.put("dryRunNobody", result.owner() == null);
    } catch (InvalidInputException invalid) {
      model = model(null, RuleForm.describe(invalid));
    }
    model.put("sample", RuleForm.sample(form));
    return pages.staffPage("followup/routing", "Routing", model);
  }

  private static Response act(java.util.function.Supplier<String> action) {
    String query;
    try {
      query = "notice=" + URLEncoder.encode(action.get(), StandardCharsets.UTF_8);
    } catch (InvalidInputException invalid) {
      query = "error=" + URLEncoder.encode(RuleForm.describe(invalid), StandardCharsets.UTF_8);
    } catch (ResourceNotFoundException gone) {
      query = "error=" + URLEncoder.encode(gone.getMessage(), StandardCharsets.UTF_8);
    }
    return Response.seeOther(URI.create("/app/routing?" + query)).build();
  }
}
