package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.SurveyDraft;
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
import java.net.URI;
import java.util.List;

/**
 * Surveys: create, edit (a published survey gets a new draft version), publish (refused past the
 * brevity limits unless {@code overrideBrevity}), close (sending: {@link
 * SurveyDistributionResource}). For program managers (and admins).
 */
@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class SurveyResource {
  @Inject SurveyService surveys;
  @Inject CurrentStaff staff;
  @Inject SurveyDirectory directory;

  /** {@code overrideBrevity}: publish although the survey is longer than the brevity rule. */
  public record PublishRequest(Boolean overrideBrevity) {}

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
    return SurveyJson.of(surveys.find(id), directory.counts(id));
  }

  /** Replaces the content of the pending draft version, or starts the next version. */
  @PUT
  @Path("{id}")
  public SurveyJson edit(@PathParam("id") String id, @NotNull SurveyDraft draft) {
    return SurveyJson.of(surveys.saveDraft(id, draft));
  }

  @POST
  @Path("{id}/publish")
  @Consumes(MediaType.WILDCARD)
  public SurveyJson publish(@PathParam("id") String id, PublishRequest request) {
    boolean override =
        request != null && request.overrideBrevity() != null && request.overrideBrevity();
    return SurveyJson.of(surveys.publish(id, override ? staff.get().username() : null));
  }

  @POST
  @Path("{id}/close")
  @Consumes(MediaType.WILDCARD)
  public SurveyJson close(@PathParam("id") String id) {
    return SurveyJson.of(surveys.close(id));
  }
}
