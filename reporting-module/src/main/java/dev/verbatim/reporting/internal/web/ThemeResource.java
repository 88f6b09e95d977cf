package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.reporting.internal.application.ThemeReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Themes found in the comments of a period (JSON and CSV). */
@Path("/api/reports/themes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ThemeResource {
  @Inject ThemeReport themes;
  @Inject WordsInputs inputs;

  @GET
  public ThemeReport.Result report(
      @QueryParam("survey") String survey,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return themes.report(inputs.period(from, to), inputs.survey(survey));
  }

  @GET
  @Path("csv")
  @Produces("text/csv")
  public Response csv(
      @QueryParam("survey") String survey,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return WordsCsv.themes(report(survey, from, to));
  }
}
