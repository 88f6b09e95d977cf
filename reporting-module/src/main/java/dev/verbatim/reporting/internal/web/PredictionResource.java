package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.reporting.internal.application.PredictionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The perception gap: managers open a round (survey + period), any member of staff predicts, and
 * managers compare the predictions with what customers said.
 */
@Path("/api/reports/predictions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.OWNER})
public class PredictionResource {
  @Inject PredictionService predictions;
  @Inject CurrentStaff currentStaff;

  public record RoundRequest(String survey, String from, String to) {}

  public record PredictionRequest(Integer nps, String topComplaint) {}

  @POST
  @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
  public Response create(RoundRequest request) {
    RoundRequest r = request == null ? new RoundRequest(null, null, null) : request;
    return Response.status(Response.Status.CREATED)
        .entity(predictions.createRound(r.survey(), r.from(), r.to(), currentStaff.get()))
        .build();
  }

  @GET
  public List<PredictionService.Round> rounds() {
    return predictions.rounds();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
  public PredictionService.Result result(@PathParam("id") String id) {
    return predictions.result(id);
  }

  @PUT
  @Path("{id}/mine")
  public PredictionService.Prediction predict(
      @PathParam("id") String id, PredictionRequest request) {
    PredictionRequest r = request == null ? new PredictionRequest(null, null) : request;
    return predictions.submit(
        id, currentStaff.get(), r.nps() == null ? null : r.nps().toString(), r.topComplaint());
  }
}
