package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.RoutingRuleService;
import dev.verbatim.followup.internal.application.RoutingRuleService.DryRunInput;
import dev.verbatim.followup.internal.application.RoutingRuleService.RuleInput;
import dev.verbatim.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;

/**
 * The ordered routing rules (program managers): list, create, change, delete, reorder, and a dry
 * run that shows where a sample comment would go without opening a case.
 */
@Path("/api/followup/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class RoutingRuleResource {
  @Inject RoutingRuleService rules;
  @Inject RuleViews views;

  public record OrderRequest(List<String> ids) {}

  public record MoveRequest(String direction) {}

  @GET
  public List<RuleViews.RuleJson> list() {
    return views.rules(rules.rules());
  }

  @POST
  public Response create(@NotNull RuleInput request) {
    return Response.status(Response.Status.CREATED)
        .entity(views.rule(rules.create(request)))
        .build();
  }

  @PUT
  @Path("{id}")
  public RuleViews.RuleJson update(@PathParam("id") String id, @NotNull RuleInput request) {
    return views.rule(rules.update(id, request));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    rules.delete(id);
    return Response.noContent().build();
  }

  @PUT
  @Path("order")
  public List<RuleViews.RuleJson> reorder(@NotNull OrderRequest request) {
    return views.rules(rules.reorder(request.ids()));
  }

  @POST
  @Path("{id}/move")
  public List<RuleViews.RuleJson> move(@PathParam("id") String id, @NotNull MoveRequest request) {
    return views.rules(rules.move(id, request.direction()));
  }

  @POST
  @Path("dry-run")
  public RuleViews.DryRunJson dryRun(@NotNull DryRunInput request) {
    return views.dryRun(rules.dryRun(request));
  }
}
