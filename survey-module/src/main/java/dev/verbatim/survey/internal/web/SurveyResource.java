package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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
 * Surveys: create, read, publish (sending: {@link SurveyDistributionResource}). For program
 * managers (and admins).
 */
@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class SurveyResource {
  @Inject SurveyService surveys;

  @POST
  public Response create(@NotNull SurveyDraft draft) {
    SurveyJson created = SurveyJson.of(surveys.create(draft));
    return Response.created(URI.create("/api/surveys/" + created.id())).entity(created).build();
  }

  @GET
  public List<SurveyJson> list() {
    return surveys.list().stream().map(SurveyJson::of).toList();
  }

  @GET
  @Path("{id}")
  public SurveyJson get(@PathParam("id") String id) {
    return SurveyJson.of(surveys.find(id));
  }

  @POST
  @Path("{id}/publish")
  @Consumes(MediaType.WILDCARD)
  public SurveyJson publish(@PathParam("id") String id) {
    return SurveyJson.of(surveys.publish(id));
  }
}
