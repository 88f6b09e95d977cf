package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.reporting.internal.application.PredictionService;
import dev.verbatim.survey.api.SurveyDirectory;
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
import java.util.Map;
import java.util.function.Supplier;

/** The perception gap pages: rounds, your prediction, and (managers) predictions vs actual. */
@Path("/app/reports/predictions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.OWNER})
public class PredictionPages {
  @Inject PredictionService predictions;
  @Inject SurveyDirectory surveys;
  @Inject CurrentStaff currentStaff;
  @Inject PageRenderer pages;

  @GET
  public String rounds(@QueryParam("notice") String notice, @QueryParam("error") String error) {
    Map<String, Object> m = new HashMap<>();
    m.put("notice", notice);
    m.put("error", error);
    m.put("rounds", predictions.rounds());
    m.put("surveys", surveys.surveys());
    return pages.staffPage("reporting/predictions", "Predictions", m);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
  public Response create(MultivaluedMap<String, String> form) {
    return act(
        "/app/reports/predictions",
        () -> {
          PredictionService.Round round =
              predictions.createRound(
                  form.getFirst("survey"),
                  form.getFirst("from"),
                  form.getFirst("to"),
                  currentStaff.get());
          return "Round opened for " + round.surveyTitle() + ". Ask your team to predict.";
        });
  }

  @GET
  @Path("{id}")
  public String round(
      @PathParam("id") String id,
      @QueryParam("notice") String notice,
      @QueryParam("error") String error) {
    PredictionService.Round round = predictions.round(id);
    Map<String, Object> m = new HashMap<>();
    m.put("notice", notice);
    m.put("error", error);
    m.put("round", round);
    m.put("mine", predictions.mine(id, currentStaff.get()).orElse(null));
    if (currentStaff.hasRole(Roles.MANAGER) || currentStaff.hasRole(Roles.ADMIN)) {
      PredictionService.Result r = predictions.result(id);
      Map<String, Object> result = new HashMap<>();
      result.put("predictions", r.predictions());
      result.put("count", r.predictions().size());
      result.put(
          "mean", r.meanPrediction() == null ? "–" : String.format("%+.1f", r.meanPrediction()));
      result.put("actual", r.actualNps() == null ? "–" : String.format("%+.1f", r.actualNps()));
      result.put("responses", r.actualResponses());
      result.put("gap", r.gap() == null ? "–" : String.format("%+.1f points", r.gap()));
      result.put("topRootCause", r.actualTopRootCause() == null ? "–" : r.actualTopRootCause());
      result.put("topTheme", r.actualTopTheme() == null ? "–" : r.actualTopTheme());
      m.put("result", result);
    }
    return pages.staffPage("reporting/prediction", "Prediction: " + round.surveyTitle(), m);
  }

  @POST
  @Path("{id}/mine")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response predict(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    predictions.round(id);
    return act(
        "/app/reports/predictions/" + id,
        () -> {
          predictions.submit(
              id, currentStaff.get(), form.getFirst("nps"), form.getFirst("topComplaint"));
          return "Your prediction is saved. You can change it until the period ends.";
        });
  }

  private static Response act(String back, Supplier<String> action) {
    String query;
    try {
      query = "notice=" + URLEncoder.encode(action.get(), StandardCharsets.UTF_8);
    } catch (InvalidInputException e) {
      query =
          "error="
              + URLEncoder.encode(
                  e.errors().get(0).field() + ": " + e.errors().get(0).message(),
                  StandardCharsets.UTF_8);
    } catch (StateConflictException e) {
      query = "error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8);
    }
    return Response.seeOther(URI.create(back + "?" + query)).build();
  }
}
