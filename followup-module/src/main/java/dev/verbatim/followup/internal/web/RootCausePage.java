package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.RootCauseService;
import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The root-cause taxonomy page for managers: add, rename, deactivate and activate entries. */
@Path("/app/root-causes")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class RootCausePage {
  @Inject RootCauseService rootCauses;
  @Inject PageRenderer pages;

  @GET
  public String show(@QueryParam("notice") String notice, @QueryParam("error") String error) {
    return page(notice, error, Map.of(), Map.of());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(MultivaluedMap<String, String> form) {
    String code = form.getFirst("code");
    String label = form.getFirst("label");
    try {
      return noticed("Root cause " + rootCauses.create(code, label).label() + " added.");
    } catch (InvalidInputException invalid) {
      Map<String, String> errors = new HashMap<>();
      for (FieldError e : invalid.errors()) {
        errors.putIfAbsent(e.field(), e.message());
      }
      Map<String, String> values = new HashMap<>();
      values.put("code", code == null ? "" : code);
      values.put("label", label == null ? "" : label);
      return Response.status(400).entity(page(null, null, errors, values)).build();
    }
  }

  @POST
  @Path("{code}/rename")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response rename(@PathParam("code") String code, MultivaluedMap<String, String> form) {
    return act(() -> "Renamed to " + rootCauses.rename(code, form.getFirst("label")).label() + ".");
  }

  @POST
  @Path("{code}/deactivate")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deactivate(@PathParam("code") String code) {
    return act(
        () ->
            rootCauses.setActive(code, false).label()
                + " is no longer offered when closing a case.");
  }

  @POST
  @Path("{code}/activate")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response activate(@PathParam("code") String code) {
    return act(
        () -> rootCauses.setActive(code, true).label() + " is offered again when closing a case.");
  }

  private String page(
      String notice, String error, Map<String, String> errors, Map<String, String> values) {
    Map<String, Object> model = new HashMap<>();
    model.put("notice", notice);
    model.put("error", error);
    model.put("codeError", errors.get("code"));
    model.put("labelError", errors.get("label"));
    model.put("code", values.getOrDefault("code", ""));
    model.put("label", values.getOrDefault("label", ""));
    model.put(
        "rootCauses",
        rootCauses.all().stream()
            .map(r -> Map.of("code", r.code(), "label", r.label(), "active", r.active()))
            .toList());
    return pages.staffPage("followup/root-causes", "Root causes", model);
  }

  private static Response act(Supplier<String> action) {
    try {
      return noticed(action.get());
    } catch (InvalidInputException invalid) {
      return Response.seeOther(
              URI.create(
                  "/app/root-causes?error="
                      + URLEncoder.encode(
                          invalid.errors().get(0).field()
                              + ": "
                              + invalid.errors().get(0).message(),
                          StandardCharsets.UTF_8)))
          .build();
    }
  }

  private static Response noticed(String notice) {
    return Response.seeOther(
            URI.create(
                "/app/root-causes?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)))
        .build();
  }
}
