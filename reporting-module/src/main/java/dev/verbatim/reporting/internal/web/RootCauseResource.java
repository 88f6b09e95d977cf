package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.reporting.internal.application.RootCauseReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Root causes of a period as a Pareto (JSON and CSV). */
@Path("/api/reports/root-causes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class RootCauseResource {
  @Inject RootCauseReport rootCauses;
  @Inject WordsInputs inputs;

  @GET
  public RootCauseReport.Result report(
      @QueryParam("survey") String survey,
      @QueryParam("team") String team,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return rootCauses.report(inputs.period(from, to), inputs.survey(survey), inputs.team(team));
  }

  @GET
  @Path("csv")
  @Produces("text/csv")
  public Response csv(
      @QueryParam("survey") String survey,
      @QueryParam("team") String team,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return WordsCsv.rootCauses(report(survey, team, from, to));
  }
}
