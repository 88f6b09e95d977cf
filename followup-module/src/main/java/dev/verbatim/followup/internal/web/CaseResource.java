package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.CaseService;
import dev.verbatim.followup.internal.domain.CaseFilter;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Cases: owners work their own and see their team's; team leads see their team's; managers and
 * admins see all. Notes, reassignment and reopening are recorded in the case's audit trail ({@code
 * events}).
 */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
public class CaseResource {
  @Inject CaseService cases;
  @Inject CaseViews views;
  @Inject CurrentStaff currentStaff;

  public record ReplyRequest(String text) {}

  public record CloseRequest(String rootCause, String resolution) {}

  public record RootCauseJson(String code, String label) {}

  public record NoteRequest(String text) {}

  public record ReassignRequest(String owner, String reason) {}

  public record ReopenRequest(String reason) {}

  /**
   * The cases the caller may see. {@code scope}: mine, team (the teams I belong to or lead) or all
   * (everything I may see, the default); filters by status, priority, overdue and survey; sorted by
   * due time (soonest first) unless {@code sort=newest}. {@code mine=true} is short for scope=mine.
   */
  @GET
  public List<CaseJson> list(
      @QueryParam("scope") String scope,
      @QueryParam("status") String status,
      @QueryParam("priority") String priority,
      @QueryParam("overdue") @DefaultValue("false") boolean overdue,
      @QueryParam("survey") String surveyId,
      @QueryParam("sort") String sort,
      @QueryParam("mine") @DefaultValue("false") boolean mine,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    CaseFilter filter =
        CaseFilters.parse(
            mine ? "mine" : scope,
            status,
            priority,
            overdue,
            surveyId,
            sort,
            page,
            Math.min(Math.max(size, 1), 200));
    return cases.list(currentStaff.get(), filter).stream().map(views::summary).toList();
  }

  @GET
  @Path("{id}")
  public CaseJson get(@PathParam("id") String id) {
    return views.full(cases.get(id, currentStaff.get()));
  }

  @POST
  @Path("{id}/replies")
  public CaseJson reply(@PathParam("id") String id, ReplyRequest request) {
    return views.full(cases.reply(id, currentStaff.get(), request == null ? null : request.text()));
  }

  @POST
  @Path("{id}/close")
  public CaseJson close(@PathParam("id") String id, CloseRequest request) {
    return views.full(
        cases.close(
            id,
            currentStaff.get(),
            request == null ? null : request.rootCause(),
            request == null ? null : request.resolution()));
  }

  /** An internal note: stored on the case and in its trail, never mailed to the customer. */
  @POST
  @Path("{id}/notes")
  public Response addNote(@PathParam("id") String id, NoteRequest request) {
    return Response.status(Response.Status.CREATED)
        .entity(
            views.full(
                cases.addNote(id, currentStaff.get(), request == null ? null : request.text())))
        .build();
  }

  @POST
  @Path("{id}/reassign")
  public CaseJson reassign(@PathParam("id") String id, ReassignRequest request) {
    return views.full(
        cases.reassign(
            id,
            currentStaff.get(),
            request == null ? null : request.owner(),
            request == null ? null : request.reason()));
  }

  @POST
  @Path("{id}/reopen")
  public CaseJson reopen(@PathParam("id") String id, ReopenRequest request) {
    return views.full(
        cases.reopen(id, currentStaff.get(), request == null ? null : request.reason()));
  }

  /** The root causes a case can be closed with (active ones only). */
  @GET
  @Path("root-causes")
  public List<RootCauseJson> rootCauses() {
    return cases.rootCauses().stream().map(r -> new RootCauseJson(r.code(), r.label())).toList();
  }

  static CaseStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return CaseStatus.valueOf(status.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("status", "must be one of " + List.of(CaseStatus.values()));
    }
  }
}
