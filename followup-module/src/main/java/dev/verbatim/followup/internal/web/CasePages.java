package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.CaseService;
import dev.verbatim.followup.internal.application.ReplyTemplateService;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.ReplyTemplate;
import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.SurveyDirectory;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The owner's inbox and case page. */
@Path("/app/cases")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
public class CasePages {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  static final int PAGE_SIZE = 50;

  @Inject CaseService cases;
  @Inject CaseViews views;
  @Inject CurrentStaff currentStaff;
  @Inject PageRenderer pages;
  @Inject SurveyDirectory surveys;
  @Inject StaffDirectory staff;
  @Inject ReplyTemplateService replyTemplates;

  @GET
  public String inbox(
      @QueryParam("status") @DefaultValue("OPEN") String status,
      @QueryParam("page") @DefaultValue("1") int page) {
    StaffUser user = currentStaff.get();
    CaseStatus filter = "ALL".equalsIgnoreCase(status) ? null : CaseResource.parseStatus(status);
    List<FollowupCase> found = cases.list(user, filter, false, page, PAGE_SIZE + 1);
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, String> surveyTitles = new HashMap<>();
    Map<String, String> ownerNames = new HashMap<>();
    for (FollowupCase c : found.subList(0, Math.min(found.size(), PAGE_SIZE))) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", c.id());
      row.put(
          "comment",
          c.comment().length() > 140 ? c.comment().substring(0, 140) + "…" : c.comment());
      row.put("score", c.score());
      row.put("status", c.status().name());
      row.put("survey", surveyTitles.computeIfAbsent(c.surveyId(), id -> views.surveyTitle(c)));
      row.put("customer", surveys.contact(c.contactId()).map(ContactView::displayName).orElse(""));
      row.put("owner", ownerNames.computeIfAbsent(c.ownerId(), id -> views.owner(c).name()));
      row.put("received", TIME.format(Instant.ofEpochMilli(c.createdAt())));
      rows.add(row);
    }
    List<Map<String, Object>> tabs = new ArrayList<>();
    for (String s : List.of("OPEN", "REPLIED", "CLOSED", "ALL")) {
      tabs.add(
          Map.of(
              "value",
              s,
              "label",
              s.charAt(0) + s.substring(1).toLowerCase(),
              "current",
              s.equalsIgnoreCase(status)));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("cases", rows);
    model.put("tabs", tabs);
    model.put("status", status.toUpperCase());
    model.put("seesAll", user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN));
    model.put("page", Math.max(page, 1));
    model.put("hasPrevious", page > 1);
    model.put("previous", page - 1);
    model.put("hasNext", found.size() > PAGE_SIZE);
    model.put("next", page + 1);
    return pages.staffPage("followup/cases", "Cases", model);
  }

  @GET
  @Path("{id}")
  public String show(
      @PathParam("id") String id,
      @QueryParam("notice") String notice,
      @QueryParam("template") String templateId) {
    FollowupCase c = cases.get(id, currentStaff.get());
    return casePage(
        c,
        notice,
        Map.of(),
        templateId == null || templateId.isBlank()
            ? Map.of()
            : Map.of("text", replyTemplates.renderFor(templateId, c, currentStaff.get())));
  }

  @POST
  @Path("{id}/reply")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reply(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String text = form.getFirst("text");
    return act(
        id,
        "Reply sent to the customer.",
        "reply",
        "text",
        text,
        () -> cases.reply(id, currentStaff.get(), text));
  }

  @POST
  @Path("{id}/close")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response close(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String resolution = form.getFirst("resolution");
    return act(
        id,
        "Case closed.",
        "close",
        "resolution",
        resolution,
        () -> cases.close(id, currentStaff.get(), form.getFirst("rootCause"), resolution));
  }

  /**
   * Runs a form's action: on success back to the case with a notice; on a rule broken, the case
   * page again with the message next to the form ({@code errorKey}) and the typed text kept.
   */
  private Response act(
      String id,
      String notice,
      String errorKey,
      String keptField,
      String keptText,
      Runnable action) {
    try {
      action.run();
      return Response.seeOther(
              URI.create(
                  "/app/cases/"
                      + id
                      + "?notice="
                      + URLEncoder.encode(notice, StandardCharsets.UTF_8)))
          .build();
    } catch (InvalidInputException | StateConflictException e) {
      String message =
          e instanceof InvalidInputException invalid
              ? invalid.errors().get(0).message()
              : e.getMessage();
      return Response.status(e instanceof InvalidInputException ? 400 : 409)
          .entity(
              casePage(
                  cases.get(id, currentStaff.get()),
                  null,
                  Map.of(errorKey, message),
                  Map.of(keptField, keptText == null ? "" : keptText)))
          .build();
    }
  }

  private String casePage(
      FollowupCase c, String notice, Map<String, String> errors, Map<String, String> values) {
    ContactView contact = surveys.contact(c.contactId()).orElse(null);
    Map<String, Object> model = new HashMap<>();
    model.put("case", c);
    model.put("status", c.status().name());
    model.put("survey", views.surveyTitle(c));
    model.put("owner", views.owner(c).name());
    model.put("customerName", contact == null ? "" : contact.displayName());
    model.put("customerEmail", contact == null ? "" : contact.email());
    model.put(
        "attributes",
        contact == null
            ? List.of()
            : contact.attributes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue()))
                .toList());
    model.put("received", TIME.format(Instant.ofEpochMilli(c.createdAt())));
    model.put(
        "firstReply",
        c.firstReplyAt() == null
            ? null
            : TIME.format(Instant.ofEpochMilli(c.firstReplyAt()))
                + " (after "
                + humanDuration(c.firstReplyAt() - c.createdAt())
                + ")");
    model.put("closed", c.status() == CaseStatus.CLOSED);
    model.put(
        "rootCause",
        c.rootCause() == null
            ? null
            : cases.rootCauses().stream()
                .filter(r -> r.code().equals(c.rootCause()))
                .map(RootCause::label)
                .findFirst()
                .orElse(c.rootCause()));
    model.put("resolution", c.resolution());
    List<Map<String, Object>> thread = new ArrayList<>();
    for (CaseMessage m : cases.messages(c.id())) {
      thread.add(
          Map.of(
              "body",
              m.body(),
              "time",
              TIME.format(Instant.ofEpochMilli(m.createdAt())),
              "author",
              m.authorId() == null
                  ? ""
                  : staff.findById(m.authorId()).map(StaffUser::displayName).orElse(""),
              "outgoing",
              CaseMessage.OUT.equals(m.direction())));
    }
    model.put("thread", thread);
    model.put("rootCauses", cases.rootCauses());
    model.put("notice", notice);
    model.put("replyError", errors.get("reply"));
    model.put("closeError", errors.get("close"));
    model.put("replyText", values.getOrDefault("text", ""));
    List<ReplyTemplate> templates = replyTemplates.list();
    model.put("replyTemplates", templates);
    model.put("hasReplyTemplates", !templates.isEmpty());
    model.put("resolutionText", values.getOrDefault("resolution", ""));
    return pages.staffPage("followup/case", "Case: " + views.surveyTitle(c), model);
  }

  static String humanDuration(long millis) {
    Duration d = Duration.ofMillis(Math.max(millis, 0));
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    return d.toMinutes() == 0 ? "less than a minute" : d.toMinutes() + " min";
  }
}
