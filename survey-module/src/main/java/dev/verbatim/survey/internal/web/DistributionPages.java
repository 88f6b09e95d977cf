package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.SendingSettings;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.Distribution;
import dev.verbatim.survey.internal.domain.Survey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sending a survey (audience, now or later) and the list of its distributions. */
@Path("/app/surveys/{surveyId}/distributions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class DistributionPages {
  @Inject PageRenderer pages;
  @Inject SurveyService surveys;
  @Inject DistributionService distributions;
  @Inject SendingSettings settings;

  @GET
  public String show(@PathParam("surveyId") String surveyId) {
    return page(surveyId, Map.of("when", "now"), Map.of());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response send(
      @PathParam("surveyId") String surveyId, MultivaluedMap<String, String> form) {
    Map<String, String> values = new HashMap<>();
    form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    boolean later = "later".equals(values.get("when"));
    try {
      Long at = later ? DistributionJson.instant("scheduledAt", values.get("scheduledAt")) : null;
      if (later && at == null) {
        throw new InvalidInputException("scheduledAt", "choose the date and time to send at");
      }
      DistributionService.Sent sent =
          distributions.create(
              surveyId, new DistributionService.Request(null, values.get("audience"), at));
      return Response.seeOther(URI.create("/app/distributions/" + sent.distributionId())).build();
    } catch (InvalidInputException invalid) {
      Map<String, String> errors = new HashMap<>();
      for (FieldError e : invalid.errors()) {
        errors.put(e.field().equals("contactIds") ? "audience" : e.field(), e.message());
      }
      return Response.status(400).entity(page(surveyId, values, errors)).build();
    } catch (StateConflictException conflict) {
      return Response.status(409)
          .entity(page(surveyId, values, Map.of("form", conflict.getMessage())))
          .build();
    }
  }

  private String page(String surveyId, Map<String, String> values, Map<String, String> errors) {
    Survey survey = surveys.find(surveyId);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Distribution d : distributions.ofSurvey(surveyId)) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", d.id());
      row.put("state", d.state());
      row.put("audience", d.audience() == null ? "all contacts" : d.audience());
      row.put(
          "when",
          d.isScheduled()
              ? "scheduled for " + DistributionJson.readable(d.scheduledAt())
              : DistributionJson.readable(d.sentAt() == null ? d.createdAt() : d.sentAt()));
      row.put("invited", d.invited());
      row.put("skipped", d.skipped());
      rows.add(row);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("survey", survey);
    model.put("published", survey.isPublished());
    model.put("distributions", rows);
    model.put("values", values);
    model.put("later", "later".equals(values.get("when")));
    model.put("errors", errors);
    model.put("hasErrors", !errors.isEmpty());
    model.put("throttleDays", settings.throttleDays());
    model.put("remindersMax", settings.remindersMax());
    model.put("remindersAfterDays", settings.remindersAfter().toDays());
    return pages.staffPage("survey/distributions", "Send " + survey.title(), model);
  }
}
