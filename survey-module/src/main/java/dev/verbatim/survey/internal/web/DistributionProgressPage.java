package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.SurveyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;

/** One distribution's progress, and who was skipped and why. */
@Path("/app/distributions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class DistributionProgressPage {
  @Inject PageRenderer pages;
  @Inject DistributionService distributions;
  @Inject SurveyService surveys;

  @GET
  @Path("{id}")
  public String show(@PathParam("id") String id) {
    DistributionService.Progress p = distributions.progress(id);
    Map<String, Object> model = new HashMap<>();
    model.put("progress", p);
    model.put("survey", surveys.find(p.surveyId()));
    model.put("scheduled", "SCHEDULED".equals(p.state()));
    model.put("scheduledAt", DistributionJson.readable(p.scheduledAt()));
    model.put("sentAt", DistributionJson.readable(p.sentAt()));
    model.put("audience", p.audience() == null ? "all contacts" : p.audience());
    model.put(
        "reasons",
        p.skippedByReason().entrySet().stream()
            .map(e -> Map.of("label", e.getKey().label(), "count", e.getValue()))
            .toList());
    model.put("skipped", p.skippedContacts());
    model.put("hasSkipped", !p.skippedContacts().isEmpty());
    model.put("moreSkipped", p.skipped() > p.skippedContacts().size());
    model.put("listed", p.skippedContacts().size());
    return pages.staffPage("survey/distribution", "Distribution progress", model);
  }
}
