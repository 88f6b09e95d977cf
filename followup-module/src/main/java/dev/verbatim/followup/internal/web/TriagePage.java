package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.InboundMailService;
import dev.verbatim.followup.internal.domain.TriageMail;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StateConflictException;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Customer mail that matched no case: managers attach it to a case or dismiss it. */
@Path("/app/triage")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class TriagePage {
  @Inject InboundMailService inbound;
  @Inject CurrentStaff currentStaff;
  @Inject PageRenderer pages;

  @GET
  public String show(@QueryParam("notice") String notice, @QueryParam("error") String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("notice", notice);
    model.put("error", error);
    model.put("mails", inbound.openTriage().stream().map(TriagePage::row).toList());
    return pages.staffPage("followup/triage", "Triage", model);
  }

  private static Map<String, Object> row(TriageMail t) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", t.id());
    row.put("subject", t.subject() == null || t.subject().isBlank() ? "(no subject)" : t.subject());
    row.put("sender", t.sender() == null ? "(unknown sender)" : t.sender());
    row.put("received", CasePages.TIME.format(Instant.ofEpochMilli(t.receivedAt())));
    row.put("reason", t.reason());
    row.put("body", t.body());
    return row;
  }

  @POST
  @Path("{id}/attach")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response attach(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return act(
        () -> {
          inbound.attach(id, form.getFirst("caseId"), currentStaff.get());
          return "The mail was added to the case.";
        });
  }

  @POST
  @Path("{id}/dismiss")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response dismiss(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return act(
        () -> {
          inbound.dismiss(id, currentStaff.get());
          return "The mail was dismissed.";
        });
  }

  private static Response act(Supplier<String> action) {
    String query;
    try {
      query = "notice=" + URLEncoder.encode(action.get(), StandardCharsets.UTF_8);
    } catch (InvalidInputException e) {
      query = "error=" + URLEncoder.encode(e.errors().get(0).message(), StandardCharsets.UTF_8);
    } catch (StateConflictException e) {
      query = "error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8);
    }
    return Response.seeOther(URI.create("/app/triage?" + query)).build();
  }
}
