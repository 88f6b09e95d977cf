package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.InboundMailService;
import dev.verbatim.followup.internal.domain.TriageMail;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.Roles;
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
import java.util.List;

/** Inbound mail that matched no case, for managers to attach or dismiss. */
@Path("/api/followup/triage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class TriageResource {
  @Inject InboundMailService inbound;
  @Inject CurrentStaff currentStaff;

  public record TriageJson(
      String id,
      long receivedAt,
      String sender,
      String subject,
      String body,
      String reason,
      String status) {
    static TriageJson of(TriageMail t) {
      return new TriageJson(
          t.id(), t.receivedAt(), t.sender(), t.subject(), t.body(), t.reason(), t.status());
    }
  }

  public record AttachRequest(String caseId) {}

  @GET
  public List<TriageJson> open() {
    return inbound.openTriage().stream().map(TriageJson::of).toList();
  }

  @POST
  @Path("{id}/attach")
  public Response attach(@PathParam("id") String id, AttachRequest request) {
    inbound.attach(id, request == null ? null : request.caseId(), currentStaff.get());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/dismiss")
  public Response dismiss(@PathParam("id") String id) {
    inbound.dismiss(id, currentStaff.get());
    return Response.noContent().build();
  }
}
