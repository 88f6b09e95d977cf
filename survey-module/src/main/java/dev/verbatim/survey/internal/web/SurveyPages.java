package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.internal.application.ContactService;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyDraft;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Program managers' pages: surveys (create, publish, send) and contacts. */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class SurveyPages {
  @Inject PageRenderer pages;
  @Inject SurveyService surveys;
  @Inject ContactService contacts;
  @Inject DistributionService distributions;
  @Inject SurveyDirectory directory;

  @GET
  @Path("surveys")
  public String list() {
    return listPage(Map.of(), Map.of());
  }

  private String listPage(Map<String, String> values, Map<String, String> errors) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Survey s : surveys.list()) {
      rows.add(
          Map.of(
              "id",
              s.id(),
              "title",
              s.title(),
              "status",
              s.status(),
              "questions",
              s.questions().size()));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("surveys", rows);
    model.put("values", values);
    model.put("errors", errors);
    model.put("hasErrors", !errors.isEmpty());
    return pages.staffPage("survey/surveys", "Surveys", model);
  }

  @POST
  @Path("surveys")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(MultivaluedMap<String, String> form) {
    String npsPrompt = form.getFirst("npsPrompt");
    String commentPrompt = form.getFirst("commentPrompt");
    SurveyDraft draft =
        new SurveyDraft(
            form.getFirst("title"),
            form.getFirst("intro"),
            null,
            List.of(
                new SurveyDraft.QuestionDraft("nps", "NPS", npsPrompt, true),
                new SurveyDraft.QuestionDraft("comment", "TEXT", commentPrompt, false)));
    try {
      Survey survey = surveys.create(draft);
      return Response.seeOther(URI.create("/app/surveys/" + survey.id())).build();
    } catch (InvalidInputException invalid) {
      Map<String, String> errors = new HashMap<>();
      for (FieldError e : invalid.errors()) {
        String field =
            switch (e.field()) {
              case "questions[0].prompt" -> "npsPrompt";
              case "questions[1].prompt" -> "commentPrompt";
              default -> e.field();
            };
        errors.put(field, e.message());
      }
      Map<String, String> values = new HashMap<>();
      form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
      return Response.status(400).entity(listPage(values, errors)).build();
    }
  }

  @GET
  @Path("surveys/{id}")
  public String show(
      @PathParam("id") String id,
      @QueryParam("notice") String notice,
      @QueryParam("error") String error) {
    Survey survey = surveys.find(id);
    var counts = directory.counts(id);
    Map<String, Object> model = new HashMap<>();
    model.put("survey", survey);
    model.put("questions", survey.questions());
    model.put("draft", Survey.DRAFT.equals(survey.status()));
    model.put("published", survey.isPublished());
    model.put("invitations", counts.invitations());
    model.put("responses", counts.responses());
    model.put("notice", notice);
    model.put("error", error);
    return pages.staffPage("survey/survey", survey.title(), model);
  }

  @POST
  @Path("surveys/{id}/publish")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response publish(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    try {
      surveys.publish(id);
      return back(id, "notice", "Published. You can send it now.");
    } catch (StateConflictException e) {
      return back(id, "error", e.getMessage());
    }
  }

  @POST
  @Path("surveys/{id}/send")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response send(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    try {
      DistributionService.Sent sent = distributions.send(id, null);
      return back(
          id,
          "notice",
          "Invited "
              + sent.invited()
              + " contact(s); skipped "
              + sent.skipped()
              + " (already invited, invited recently, unsubscribed, bounced or with an open case).");
    } catch (StateConflictException e) {
      return back(id, "error", e.getMessage());
    } catch (InvalidInputException e) {
      return back(id, "error", e.errors().get(0).message());
    }
  }

  private static Response back(String id, String kind, String message) {
    return Response.seeOther(
            URI.create(
                "/app/surveys/"
                    + id
                    + "?"
                    + kind
                    + "="
                    + URLEncoder.encode(message, StandardCharsets.UTF_8)))
        .build();
  }

  @GET
  @Path("contacts")
  public String contactList(
      @QueryParam("q") String query, @QueryParam("page") @DefaultValue("1") int page) {
    return contactPage(query, page, Map.of(), Map.of(), null);
  }

  private String contactPage(
      String query,
      int page,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    ContactService.ContactPage found = contacts.search(query, page, 50);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Contact c : found.contacts()) {
      var view = c.toView();
      rows.add(
          Map.of(
              "email",
              view.email(),
              "name",
              view.name() == null ? "" : view.name(),
              "attributes",
              view.attributes().entrySet().stream()
                  .map(e -> e.getKey() + ": " + e.getValue())
                  .sorted()
                  .toList()));
    }
    long pageCount = Math.max(1, (found.total() + found.size() - 1) / found.size());
    Map<String, Object> model = new HashMap<>();
    model.put("contacts", rows);
    model.put("total", found.total());
    model.put("q", query == null ? "" : query);
    model.put("page", found.page());
    model.put("pages", pageCount);
    model.put("hasPrevious", found.page() > 1);
    model.put("previous", found.page() - 1);
    model.put("hasNext", found.page() < pageCount);
    model.put("next", found.page() + 1);
    model.put("values", values);
    model.put("errors", errors);
    model.put("notice", notice);
    return pages.staffPage("survey/contacts", "Contacts", model);
  }

  @POST
  @Path("contacts")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addContact(MultivaluedMap<String, String> form) {
    Map<String, String> attributes = new HashMap<>();
    String attributeText = form.getFirst("attributes");
    if (attributeText != null) {
      for (String line : attributeText.split("\\R")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          attributes.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
    }
    try {
      ContactService.Saved saved =
          contacts.save(
              new ContactInput(form.getFirst("email"), form.getFirst("name"), attributes));
      return Response.ok(
              contactPage(
                  null,
                  1,
                  Map.of(),
                  Map.of(),
                  (saved.created() ? "Added " : "Updated ") + saved.contact().email() + "."))
          .build();
    } catch (InvalidInputException invalid) {
      Map<String, String> errors = new HashMap<>();
      invalid
          .errors()
          .forEach(
              e ->
                  errors.put(
                      e.field().startsWith("attributes") ? "attributes" : e.field(), e.message()));
      Map<String, String> values = new HashMap<>();
      form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
      return Response.status(400).entity(contactPage(null, 1, values, errors, null)).build();
    }
  }
}
