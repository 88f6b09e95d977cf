package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.Brevity;
import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.domain.SurveyVersion;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Program managers' pages: surveys (create, publish, send); contacts are in ContactPages. */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class SurveyPages {
  @Inject PageRenderer pages;
  @Inject SurveyService surveys;
  @Inject DistributionService distributions;
  @Inject SurveyDirectory directory;
  @Inject CurrentStaff staff;

  private static final Map<QuestionType, String> TYPE_LABELS = new LinkedHashMap<>();

  static {
    TYPE_LABELS.put(QuestionType.NPS, "Recommendation, 0–10 (NPS)");
    TYPE_LABELS.put(QuestionType.CSAT, "Satisfaction, 1–5 (CSAT)");
    TYPE_LABELS.put(QuestionType.CES, "Effort, 1–7 (CES)");
    TYPE_LABELS.put(QuestionType.STAR, "Star rating, 1–5");
    TYPE_LABELS.put(QuestionType.SINGLE_CHOICE, "Single choice");
    TYPE_LABELS.put(QuestionType.MULTIPLE_CHOICE, "Multiple choice");
    TYPE_LABELS.put(QuestionType.SHORT_TEXT, "Short text");
    TYPE_LABELS.put(QuestionType.TEXT, "Long text (comment)");
  }

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
            null,
            null,
            List.of(
                new SurveyDraft.QuestionDraft("nps", "NPS", npsPrompt, true, null),
                new SurveyDraft.QuestionDraft("comment", "TEXT", commentPrompt, false, null)));
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

  /** The designer: settings, questions (edit, reorder, remove, add), estimate, publish, close. */
  @GET
  @Path("surveys/{id}")
  public String show(
      @PathParam("id") String id,
      @QueryParam("notice") String notice,
      @QueryParam("error") String error) {
    Survey survey = surveys.find(id);
    SurveyVersion v = survey.latest();
    var counts = directory.counts(id);
    List<Map<String, Object>> questions = new ArrayList<>();
    List<Question> list = v.questions();
    for (int i = 0; i < list.size(); i++) {
      Question q = list.get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("number", i + 1);
      row.put("key", q.key());
      row.put("type", q.type().name());
      row.put("typeLabel", TYPE_LABELS.get(q.type()));
      row.put("prompt", q.prompt());
      row.put("required", q.required());
      row.put("choice", q.type().choice());
      row.put("optionsText", String.join("\n", q.options()));
      row.put("first", i == 0);
      row.put("last", i == list.size() - 1);
      questions.add(row);
    }
    List<Map<String, Object>> types = new ArrayList<>();
    TYPE_LABELS.forEach((type, label) -> types.add(Map.of("value", type.name(), "label", label)));
    List<String> problems = Brevity.problems(v.questions());
    Map<String, Object> model = new HashMap<>();
    model.put("survey", survey);
    model.put("version", v);
    model.put("questions", questions);
    model.put("types", types);
    model.put("editable", !Survey.CLOSED.equals(survey.status()));
    model.put("versionIsDraft", v.isDraft());
    model.put("nextVersion", v.number() + 1);
    model.put("pendingDraft", survey.hasPendingDraft());
    model.put("liveVersion", survey.isPublished() ? survey.live().number() : null);
    model.put("published", survey.isPublished());
    model.put("estimate", Brevity.describe(Brevity.estimatedSeconds(v.questions())));
    model.put("brevityProblems", problems);
    model.put("tooLong", !problems.isEmpty());
    model.put("maxQuestions", Brevity.MAX_QUESTIONS);
    model.put("maxFreeText", Brevity.MAX_FREE_TEXT);
    model.put(
        "override",
        v.brevityOverrideBy()
            .map(
                by ->
                    "Published past the brevity limits by "
                        + by
                        + " on "
                        + Instant.ofEpochMilli(v.brevityOverrideAt())
                            .toString()
                            .replace('T', ' ')
                            .substring(0, 16)
                        + " UTC.")
            .orElse(null));
    model.put("invitations", counts.invitations());
    model.put("responses", counts.responses());
    model.put("partials", counts.partials());
    model.put("notice", notice);
    model.put("error", error);
    return pages.staffPage("survey/survey", survey.title(), model);
  }

  /** Exactly what the customer will see for the newest version; nothing can be sent. */
  @GET
  @Path("surveys/{id}/preview")
  public String preview(@PathParam("id") String id) {
    SurveyVersion v = surveys.find(id).latest();
    Map<String, Object> model = RespondForm.model(v, null, Map.of(), Map.of());
    model.put("preview", true);
    return pages.publicPage("survey/respond", "Preview: " + v.title(), model);
  }

  @POST
  @Path("surveys/{id}/settings")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response saveSettings(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return edit(
        id,
        draft ->
            draft.withSettings(
                form.getFirst("title"),
                form.getFirst("intro"),
                form.getFirst("thankYou"),
                form.getFirst("senderName"),
                form.getFirst("accentColour")),
        "Saved.");
  }

  @POST
  @Path("surveys/{id}/questions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addQuestion(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    return edit(id, draft -> draft.adding(questionFrom(null, form)), "Question added.");
  }

  /** One form per question; the button pressed says what to do (save, up, down, remove). */
  @POST
  @Path("surveys/{id}/questions/{key}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changeQuestion(
      @PathParam("id") String id,
      @PathParam("key") String key,
      MultivaluedMap<String, String> form) {
    String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
    return edit(
        id,
        draft -> {
          int index = draft.indexOf(key);
          if (index < 0) {
            throw new ResourceNotFoundException("There is no question " + key + " in this survey.");
          }
          return switch (action) {
            case "up" -> draft.moving(index, -1);
            case "down" -> draft.moving(index, 1);
            case "remove" -> draft.without(index);
            default ->
                draft.replacing(
                    index,
                    questionFrom(
                        new SurveyDraft.QuestionDraft(
                            key, draft.questions().get(index).type(), null, null, null),
                        form));
          };
        },
        switch (action) {
          case "up" -> "Moved up.";
          case "down" -> "Moved down.";
          case "remove" -> "Question removed.";
          default -> "Question saved.";
        });
  }

  private static SurveyDraft.QuestionDraft questionFrom(
      SurveyDraft.QuestionDraft existing, MultivaluedMap<String, String> form) {
    String options = form.getFirst("options");
    return new SurveyDraft.QuestionDraft(
        existing == null ? null : existing.key(),
        existing == null ? form.getFirst("type") : existing.type(),
        form.getFirst("prompt"),
        form.getFirst("required") != null,
        options == null || options.isBlank()
            ? null
            : options.lines().filter(l -> !l.isBlank()).toList());
  }

  private Response edit(String id, UnaryOperator<SurveyDraft> change, String notice) {
    try {
      Survey survey = surveys.find(id);
      SurveyDraft changed = change.apply(SurveyDraft.of(survey.latest()));
      Survey saved = surveys.saveDraft(id, changed);
      String suffix =
          saved.hasPendingDraft()
              ? " Version " + saved.latest().number() + " is a draft until you publish it."
              : "";
      return back(id, "notice", notice + suffix);
    } catch (InvalidInputException invalid) {
      return back(id, "error", readable(invalid));
    } catch (StateConflictException e) {
      return back(id, "error", e.getMessage());
    }
  }

  private static final Pattern QUESTION_FIELD = Pattern.compile("^questions\\[(\\d+)\\]\\.?(.*)$");

  /** "questions[2].options" reads "Question 3 options" on the page. */
  static String readable(InvalidInputException invalid) {
    List<String> parts = new ArrayList<>();
    for (FieldError e : invalid.errors()) {
      Matcher m = QUESTION_FIELD.matcher(e.field());
      String field =
          m.matches()
              ? ("Question " + (Integer.parseInt(m.group(1)) + 1) + " " + m.group(2)).strip()
              : e.field();
      parts.add(field + ": " + e.message());
    }
    return String.join("; ", parts) + ".";
  }

  @POST
  @Path("surveys/{id}/publish")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response publish(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    try {
      boolean override = form.getFirst("overrideBrevity") != null;
      Survey survey = surveys.publish(id, override ? staff.get().username() : null);
      return back(
          id, "notice", "Published version " + survey.live().number() + ". You can send it now.");
    } catch (StateConflictException e) {
      return back(id, "error", e.getMessage());
    }
  }

  @POST
  @Path("surveys/{id}/close")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response close(@PathParam("id") String id, MultivaluedMap<String, String> form) {
    try {
      surveys.close(id);
      return back(id, "notice", "Closed: the survey takes no more answers.");
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
}
