package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** Staff accounts (admin only). */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
  @Inject StaffDirectory directory;

  public record CreateUser(
      String username, String email, String displayName, String password, Set<String> roles) {}

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(@NotNull CreateUser request) {
    StaffUser user =
        directory.create(
            new NewStaffUser(
                request.username(),
                request.email(),
                request.displayName(),
                request.password(),
                request.roles() == null ? Set.of() : request.roles()));
    return Response.created(URI.create("/api/users/" + user.id())).entity(user).build();
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
  public List<StaffUser> list(@QueryParam("role") String role) {
    return directory.withRole(role == null ? Roles.OWNER : role);
  }
}
