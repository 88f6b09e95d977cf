package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.internal.domain.StaffAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Admins create staff accounts here (owners, managers, admins). */
@Path("/app/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class UsersPage {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject dev.verbatim.platform.api.StaffDirectory directory;
  @Inject PageRenderer pages;

  @GET
  public String list() {
    return page(Map.of(), Map.of(), null, 200).getEntity().toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(MultivaluedMap<String, String> form) {
    Set<String> roles = new LinkedHashSet<>(form.getOrDefault("roles", List.of()));
    try {
      StaffUser user =
          directory.create(
              new NewStaffUser(
                  form.getFirst("username"),
                  form.getFirst("email"),
                  form.getFirst("displayName"),
                  form.getFirst("password"),
                  roles));
      return page(
          Map.of(),
          Map.of(),
          "Created " + user.username() + " (" + String.join(", ", user.roles()) + ").",
          200);
    } catch (InvalidInputException invalid) {
      Map<String, String> errors = new HashMap<>();
      invalid.errors().forEach(e -> errors.put(e.field(), e.message()));
      Map<String, String> values = new HashMap<>();
      form.forEach((k, v) -> values.put(k, "password".equals(k) || v.isEmpty() ? "" : v.get(0)));
      return page(values, errors, null, 400);
    }
  }

  private Response page(
      Map<String, String> values, Map<String, String> errors, String notice, int status) {
    List<StaffUser> users =
        em.createQuery("SELECT a FROM StaffAccount a ORDER BY a.username", StaffAccount.class)
            .getResultStream()
            .map(StaffAccount::toView)
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put(
        "users",
        users.stream()
            .map(
                u ->
                    Map.of(
                        "username",
                        u.username(),
                        "name",
                        u.displayName(),
                        "email",
                        u.email(),
                        "roles",
                        String.join(", ", u.roles()),
                        "active",
                        u.active()))
            .toList());
    model.put("values", values);
    model.put("errors", errors);
    model.put("notice", notice);
    return Response.status(status)
        .entity(pages.staffPage("platform/users", "Users", model))
        .build();
  }
}
