package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.internal.security.StaffSessions;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * API login for scripts and tests: POST {"username", "password"} (checked by the authentication
 * mechanism before this runs) answers who is now logged in; DELETE logs out (on every server).
 */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject CurrentStaff currentStaff;
  @Inject StaffSessions sessions;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.WILDCARD)
  public StaffUser login() {
    return currentStaff.get();
  }

  @GET
  public StaffUser whoAmI() {
    if (!currentStaff.isLoggedIn()) {
      throw new NotAuthorizedException("Not logged in", "FormLogin");
    }
    return currentStaff.get();
  }

  @DELETE
  public Response logout() {
    return Response.noContent().header("Set-Cookie", sessions.end(request)).build();
  }
}
