package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.ReplyTemplateService;
import dev.verbatim.followup.internal.domain.ReplyTemplate;
import dev.verbatim.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Reply templates: everyone who replies can list them; managers and admins maintain them. */
@Path("/api/followup/reply-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ReplyTemplateResource {
  @Inject ReplyTemplateService templates;

  public record TemplateRequest(String name, String body) {}

  public record TemplateJson(String id, String name, String body) {
    static TemplateJson of(ReplyTemplate t) {
      return new TemplateJson(t.id(), t.name(), t.body());
    }
  }

  @GET
  @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
  public List<TemplateJson> list() {
    return templates.list().stream().map(TemplateJson::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
  public TemplateJson get(@PathParam("id") String id) {
    return TemplateJson.of(templates.get(id));
  }

  @POST
  public Response create(TemplateRequest request) {
    ReplyTemplate created =
        templates.create(
            request == null ? null : request.name(), request == null ? null : request.body());
    return Response.created(URI.create("/api/followup/reply-templates/" + created.id()))
        .entity(TemplateJson.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  public TemplateJson update(@PathParam("id") String id, TemplateRequest request) {
    return TemplateJson.of(
        templates.update(
            id, request == null ? null : request.name(), request == null ? null : request.body()));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    templates.delete(id);
    return Response.noContent().build();
  }
}
