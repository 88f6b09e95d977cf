package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.reporting.internal.application.SurveyReportService;
import dev.verbatim.reporting.internal.domain.SurveyReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ReportResource {
  @Inject SurveyReportService reports;

  @GET
  @Path("surveys/{id}")
  public SurveyReport survey(@PathParam("id") String id) {
    return reports.report(id);
  }
}
