package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.CaseService;
import dev.verbatim.followup.internal.application.ReplyTemplateService;
import dev.verbatim.followup.internal.domain.CaseFilter;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CasePriority;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.ReplyTemplate;
import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.followup.internal.domain.Waited;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.ContactResponse;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The owner's inbox and case page: the customer's words and context, the conversation, and the
 * forms to note, reply, reassign, close and reopen.
 */
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
  @Inject Clock clock;
  @Inject ReplyTemplateService replyTemplates;

  /**
   * The inbox: "My cases", "My team's cases" (and for managers and admins "All cases"), filtered by
   * status (OPEN unless chosen), priority, overdue and survey, soonest due first. Paging keeps the
   * filters.
   */
  @GET
  public String inbox(
      @QueryParam("scope") String scope,
      @QueryParam("status") @DefaultValue("OPEN") String status,
      @QueryParam("priority") String priority,
      @QueryParam("overdue") @DefaultValue("false") boolean overdue,
      @QueryParam("survey") String survey,
      @QueryParam("sort") String sort,
      @QueryParam("page") @DefaultValue("1") int page) {
    StaffUser user = currentStaff.get();
    boolean seesAll = user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN);
    String chosenScope =
        scope == null || scope.isBlank() ? (seesAll ? "all" : "mine") : scope.strip();
    CaseFilter filter =
        CaseFilters.parse(
            chosenScope, status, priority, overdue, survey, sort, page, PAGE_SIZE + 1);
    List<FollowupCase> found = cases.list(user, filter);
    long now = clock.millis();
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
      row.put("priority", c.priority().name());
      row.put("high", c.priority() == CasePriority.HIGH);
      row.put("due", c.dueAt() == null ? "" : TIME.format(Instant.ofEpochMilli(c.dueAt())));
      row.put("overdue", c.isOverdue(now));
      row.put("late", c.isOverdue(now) ? Waited.human(now - c.dueAt()) : null);
      row.put("escalated", c.escalationLevel() > 0);
      row.put("escalationLevel", c.escalationLevel());
      row.put("survey", surveyTitles.computeIfAbsent(c.surveyId(), id -> views.surveyTitle(c)));
      row.put("customer", surveys.contact(c.contactId()).map(ContactView::displayName).orElse(""));
      row.put("owner", ownerNames.computeIfAbsent(c.ownerId(), id -> views.owner(c).name()));
      row.put("received", TIME.format(Instant.ofEpochMilli(c.createdAt())));
      rows.add(row);
    }
    String statusValue = status.strip().toUpperCase(Locale.ROOT);
    String scopeValue = filter.scope().name().toLowerCase(Locale.ROOT);
    String priorityValue = filter.priority() == null ? "" : filter.priority().name();
    String surveyValue = filter.surveyId() == null ? "" : filter.surveyId();
    String sortValue = filter.sort().name().toLowerCase(Locale.ROOT);
    Map<String, String> kept = new LinkedHashMap<>();
    kept.put("status", statusValue);
    kept.put("priority", priorityValue);
    kept.put("overdue", overdue ? "true" : "");
    kept.put("survey", surveyValue);
    kept.put("sort", sortValue);
    List<Map<String, Object>> scopeTabs = new ArrayList<>();
    List<String[]> scopes = new ArrayList<>();
    scopes.add(new String[] {"mine", "My cases"});
    scopes.add(new String[] {"team", "My team's cases"});
    if (seesAll) {
      scopes.add(new String[] {"all", "All cases"});
    }
    String heading = "Cases";
    for (String[] s : scopes) {
      if (s[0].equals(scopeValue)) {
        heading = s[1];
      }
      Map<String, String> q = new LinkedHashMap<>();
      q.put("scope", s[0]);
      q.putAll(kept);
      scopeTabs.add(
          Map.of(
              "href", "/app/cases?" + query(q), "label", s[1], "current", s[0].equals(scopeValue)));
    }
    Map<String, String> pageQuery = new LinkedHashMap<>();
    pageQuery.put("scope", scopeValue);
    pageQuery.putAll(kept);
    Map<String, Object> model = new HashMap<>();
    model.put("cases", rows);
    model.put("scopeTabs", scopeTabs);
    model.put("heading", heading);
    model.put("scope", scopeValue);
    model.put("statuses", options(List.of("OPEN", "REPLIED", "CLOSED", "ALL"), statusValue));
    model.put("priorities", options(List.of("HIGH", "NORMAL"), priorityValue));
    model.put("overdue", overdue);
    model.put(
        "surveys",
        surveys.surveys().stream()
            .map(
                sv ->
                    Map.<String, Object>of(
                        "value",
                        sv.id(),
                        "label",
                        sv.title(),
                        "selected",
                        sv.id().equals(surveyValue)))
            .toList());
    model.put("sortNewest", filter.sort() == CaseFilter.Sort.NEWEST);
    model.put("seesAll", seesAll);
    model.put("page", filter.page());
    model.put("hasPrevious", filter.page() > 1);
    model.put("previousHref", "/app/cases?" + query(withPage(pageQuery, filter.page() - 1)));
    model.put("hasNext", found.size() > PAGE_SIZE);
    model.put("nextHref", "/app/cases?" + query(withPage(pageQuery, filter.page() + 1)));
    return pages.staffPage("followup/cases", "Cases", model);
  }

  private static List<Map<String, Object>> options(List<String> values, String selected) {
    return values.stream()
        .map(
            v ->
                Map.<String, Object>of(
                    "value",
                    v,
                    "label",
                    v.charAt(0) + v.substring(1).toLowerCase(Locale.ROOT),
                    "selected",
                    v.equals(selected)))
        .toList();
  }

  private static Map<String, String> withPage(Map<String, String> query, int page) {
    Map<String, String> copy = new LinkedHashMap<>(query);
    copy.put("page", String.valueOf(page));
    return copy;
  }

  /** The non-empty parameters as a query string (the page escapes it for the href). */
  private static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
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
            : Map.of("replyText", replyTemplates.renderFor(templateId, c, currentStaff.get())));
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
        kept("replyText", text),
        () -> cases.reply(id, currentStaff.get(), text));
  }

  @POST
  @Path("{id}/notes")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addNote(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String text = form.getFirst("text");
    return act(
        id,
        "Note added (not sent to the customer).",
        "note",
        kept("noteText", text),
        () -> cases.addNote(id, currentStaff.get(), text));
  }

  @POST
  @Path("{id}/reassign")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reassign(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String owner = form.getFirst("owner");
    String reason = form.getFirst("reason");
    Map<String, String> kept = new HashMap<>(kept("reassignOwner", owner));
    kept.putAll(kept("reassignReason", reason));
    return act(
        id,
        "Case reassigned; the new owner was told by email.",
        "reassign",
        kept,
        () -> cases.reassign(id, currentStaff.get(), owner, reason));
  }

  @POST
  @Path("{id}/close")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response close(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String rootCause = form.getFirst("rootCause");
    String resolution = form.getFirst("resolution");
    Map<String, String> kept = new HashMap<>(kept("resolutionText", resolution));
    kept.putAll(kept("chosenRootCause", rootCause));
    return act(
        id,
        "Case closed.",
        "close",
        kept,
        () -> cases.close(id, currentStaff.get(), rootCause, resolution));
  }

  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reopen(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    String reason = form.getFirst("reason");
    return act(
        id,
        "Case reopened.",
        "reopen",
        kept("reopenReason", reason),
        () -> cases.reopen(id, currentStaff.get(), reason));
  }

  private static Map<String, String> kept(String key, String value) {
    return Map.of(key, value == null ? "" : value);
  }

  /**
   * Runs a form's action: on success back to the case with a notice; on a rule broken, the case
   * page again with each message next to its field ({@code <form><Field>Error}, or {@code
   * <form>Error} for the form as a whole) and what was typed kept.
   */
  private Response act(
      String id, String notice, String formName, Map<String, String> kept, Runnable action) {
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
      Map<String, String> errors = new HashMap<>();
      if (e instanceof InvalidInputException invalid) {
        for (FieldError error : invalid.errors()) {
          errors.putIfAbsent(formName + capitalized(error.field()) + "Error", error.message());
        }
      } else {
        errors.put(formName + "Error", e.getMessage());
      }
      return Response.status(e instanceof InvalidInputException ? 400 : 409)
          .entity(casePage(cases.get(id, currentStaff.get()), null, errors, kept))
          .build();
    }
  }

  private static String capitalized(String field) {
    return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  private String casePage(
      FollowupCase c, String notice, Map<String, String> errors, Map<String, String> values) {
    StaffUser user = currentStaff.get();
    long now = clock.millis();
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
    model.put("priority", c.priority() == null ? null : c.priority().name());
    model.put("due", c.dueAt() == null ? null : TIME.format(Instant.ofEpochMilli(c.dueAt())));
    model.put("overdue", c.isOverdue(now));
    model.put("escalationLevel", c.escalationLevel() > 0 ? c.escalationLevel() : null);
    model.put("received", TIME.format(Instant.ofEpochMilli(c.createdAt())));
    model.put(
        "firstReply",
        c.firstReplyAt() == null
            ? null
            : TIME.format(Instant.ofEpochMilli(c.firstReplyAt()))
                + " (after "
                + Waited.human(c.firstReplyAt() - c.createdAt())
                + ")");
    model.put("closed", c.status() == CaseStatus.CLOSED);
    model.put(
        "rootCause",
        c.rootCause() == null
            ? null
            : cases.rootCause(c.rootCause()).map(RootCause::label).orElse(c.rootCause()));
    model.put("resolution", c.resolution());
    model.put("earlierResponses", earlierResponses(c, user));
    model.put("otherCases", otherCases(c, user));
    model.put("thread", thread(c));
    List<ReplyTemplate> templates = replyTemplates.list();
    model.put("replyTemplates", templates);
    model.put("hasReplyTemplates", !templates.isEmpty());
    model.put(
        "rootCauses",
        cases.rootCauses().stream()
            .map(
                r ->
                    Map.of(
                        "code",
                        r.code(),
                        "label",
                        r.label(),
                        "selected",
                        r.code().equals(values.get("chosenRootCause"))))
            .toList());
    boolean mayRedirect = cases.mayRedirect(c, user);
    model.put("mayRedirect", mayRedirect);
    model.put(
        "owners",
        mayRedirect
            ? cases.activeOwners().stream()
                .filter(o -> !o.id().equals(c.ownerId()))
                .map(
                    o ->
                        Map.of(
                            "username",
                            o.username(),
                            "name",
                            o.displayName(),
                            "selected",
                            o.username().equals(values.get("reassignOwner"))))
                .toList()
            : List.of());
    model.put(
        "trail",
        cases.trail(c.id()).stream()
            .map(
                e -> {
                  Map<String, Object> row = new HashMap<>();
                  row.put("time", TIME.format(Instant.ofEpochMilli(e.at())));
                  row.put("actor", cases.displayName(e.actorId()));
                  row.put("kind", e.kind());
                  row.put("detail", e.detail());
                  return row;
                })
            .toList());
    model.put("notice", notice);
    model.putAll(errors);
    model.put("replyText", values.getOrDefault("replyText", ""));
    model.put("noteText", values.getOrDefault("noteText", ""));
    model.put("reassignReason", values.getOrDefault("reassignReason", ""));
    model.put("resolutionText", values.getOrDefault("resolutionText", ""));
    model.put("reopenReason", values.getOrDefault("reopenReason", ""));
    return pages.staffPage("followup/case", "Case: " + views.surveyTitle(c), model);
  }

  private List<Map<String, Object>> earlierResponses(FollowupCase c, StaffUser user) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ContactResponse r : surveys.responsesOf(c.contactId())) {
      if (r.responseId().equals(c.responseId())) {
        continue;
      }
      Map<String, Object> row = new HashMap<>();
      row.put("survey", r.surveyTitle());
      row.put("time", TIME.format(Instant.ofEpochMilli(r.submittedAt())));
      row.put("score", r.npsScore() == null ? "no score" : r.npsScore() + " / 10");
      boolean readable = cases.mayReadResponse(r.responseId(), user);
      row.put("comments", readable ? r.comments() : List.of());
      row.put("withheld", !readable);
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, Object>> otherCases(FollowupCase c, StaffUser user) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FollowupCase other : cases.otherCasesOfContact(c, user)) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", other.id());
      row.put("survey", views.surveyTitle(other));
      row.put("time", TIME.format(Instant.ofEpochMilli(other.createdAt())));
      row.put("status", other.status().name());
      row.put("owner", views.owner(other).name());
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, Object>> thread(FollowupCase c) {
    List<Map<String, Object>> thread = new ArrayList<>();
    for (CaseMessage m : cases.messages(c.id())) {
      Map<String, Object> row = new HashMap<>();
      row.put("body", m.body());
      row.put("time", TIME.format(Instant.ofEpochMilli(m.createdAt())));
      row.put("author", m.authorId() == null ? "" : cases.displayName(m.authorId()));
      row.put("outgoing", CaseMessage.OUT.equals(m.direction()));
      row.put("incoming", CaseMessage.IN.equals(m.direction()));
      row.put("note", m.isNote());
      row.put("sender", m.sender());
      row.put("subject", m.subject());
      thread.add(row);
    }
    return thread;
  }
}
