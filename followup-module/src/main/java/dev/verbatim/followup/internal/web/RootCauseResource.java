package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.RootCauseService;
import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.platform.api.Roles;
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

/** The root-cause taxonomy, maintained by managers: list (with inactive), add, rename, retire. */
@Path("/api/followup/root-causes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class RootCauseResource {
  @Inject RootCauseService rootCauses;

  public record CreateRequest(String code, String label) {}

  public record RenameRequest(String label) {}

  public record RootCauseJson(String code, String label, int position, boolean active) {
    static RootCauseJson of(RootCause r) {
      return new RootCauseJson(r.code(), r.label(), r.position(), r.active());
    }
  }

  @GET
  public List<RootCauseJson> list() {
    return rootCauses.all().stream().map(RootCauseJson::of).toList();
  }

  @POST
  public Response create(CreateRequest request) {
    RootCause created =
        rootCauses.create(
            request == null ? null : request.code(), request == null ? null : request.label());
    return Response.status(Response.Status.CREATED).entity(RootCauseJson.of(created)).build();
  }

  @PUT
  @Path("{code}")
  public RootCauseJson rename(@PathParam("code") String code, RenameRequest request) {
    return RootCauseJson.of(rootCauses.rename(code, request == null ? null : request.label()));
  }

  @POST
  @Path("{code}/deactivate")
  public RootCauseJson deactivate(@PathParam("code") String code) {
    return RootCauseJson.of(rootCauses.setActive(code, false));
  }

  @POST
  @Path("{code}/activate")
  public RootCauseJson activate(@PathParam("code") String code) {
    return RootCauseJson.of(rootCauses.setActive(code, true));
  }
}
