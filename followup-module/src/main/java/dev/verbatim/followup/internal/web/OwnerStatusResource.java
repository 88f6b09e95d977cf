package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.OwnerStatusService;
import dev.verbatim.followup.internal.application.OwnerStatusService.OwnerPresence;
import dev.verbatim.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Owners away and back. Managers see and mark everyone; an owner may mark only themself. */
@Path("/api/followup/owners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OwnerStatusResource {
  @Inject OwnerStatusService owners;

  public record AwayRequest(Boolean away) {}

  public record OwnerStatusJson(String id, String username, String name, boolean away) {
    static OwnerStatusJson of(OwnerPresence p) {
      return new OwnerStatusJson(
          p.owner().id(), p.owner().username(), p.owner().displayName(), p.away());
    }
  }

  @GET
  @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
  public List<OwnerStatusJson> list() {
    return owners.owners().stream().map(OwnerStatusJson::of).toList();
  }

  @PUT
  @Path("{username}/away")
  @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.OWNER})
  public OwnerStatusJson markAway(
      @PathParam("username") String username, @NotNull AwayRequest request) {
    return OwnerStatusJson.of(owners.markAway(username, request.away()));
  }
}
