package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.DistributionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A distribution's progress: queued, sent, failed, bounced, opened, answered, skipped. */
@Path("/api/distributions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class DistributionResource {
  @Inject DistributionService distributions;

  @GET
  @Path("{id}")
  public DistributionService.Progress progress(@PathParam("id") String id) {
    return distributions.progress(id);
  }
}
