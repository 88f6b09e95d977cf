package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.DistributionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Sending a survey: now or at {@code scheduledAt} (ISO-8601, e.g. 2026-12-01T09:00:00Z), to listed
 * {@code contactIds}, to an {@code audience} filter, or to every contact.
 */
@Path("/api/surveys/{surveyId}/distributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class SurveyDistributionResource {
  @Inject DistributionService distributions;

  public record SendRequest(List<String> contactIds, String audience, String scheduledAt) {}

  @POST
  public Response send(@PathParam("surveyId") String surveyId, SendRequest request) {
    SendRequest r = request == null ? new SendRequest(null, null, null) : request;
    DistributionService.Sent sent =
        distributions.create(
            surveyId,
            new DistributionService.Request(
                r.contactIds(),
                r.audience(),
                DistributionJson.instant("scheduledAt", r.scheduledAt())));
    return Response.created(URI.create("/api/distributions/" + sent.distributionId()))
        .entity(sent)
        .build();
  }

  @GET
  public List<DistributionJson.Summary> list(@PathParam("surveyId") String surveyId) {
    return distributions.ofSurvey(surveyId).stream().map(DistributionJson::summary).toList();
  }
}
