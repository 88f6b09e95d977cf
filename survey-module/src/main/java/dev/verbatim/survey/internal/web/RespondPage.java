package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.internal.application.ResponseService;
import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.Survey;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customer's survey page: plain HTML forms, no JavaScript, phone-sized. Errors appear next to
 * the question and everything typed is kept.
 */
@Path("/s/{token}")
@Produces(MediaType.TEXT_HTML)
public class RespondPage {
  static final String FIELD_PREFIX = "a_";
  private static final Logger LOG = Logger.getLogger(RespondPage.class.getName());

  @Inject ResponseService responses;
  @Inject PageRenderer pages;

  @GET
  public Response show(@PathParam("token") String token) {
    ResponseService.Respondent respondent = responses.open(token);
    if (respondent.invitation().isAnswered()) {
      return alreadyAnswered(respondent.survey());
    }
    return page(200, respondent.survey(), token, Map.of(), Map.of(), false);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submit(@PathParam("token") String token, MultivaluedMap<String, String> form) {
    Map<String, String> answers = new HashMap<>();
    form.forEach(
        (name, values) -> {
          if (name.startsWith(FIELD_PREFIX) && !values.isEmpty()) {
            answers.put(name.substring(FIELD_PREFIX.length()), values.get(0));
          }
        });
    ResponseService.Respondent respondent = responses.open(token);
    try {
      responses.submit(token, answers);
    } catch (InvalidInputException invalid) {
      Map<String, String> errors = new HashMap<>();
      for (FieldError error : invalid.errors()) {
        errors.put(error.field().replaceFirst("^answers\\.", ""), error.message());
      }
      return page(400, respondent.survey(), token, answers, errors, false);
    } catch (StateConflictException alreadyDone) {
      return alreadyAnswered(respondent.survey());
    } catch (RuntimeException notSaved) {
      // Nothing was stored (one transaction); keep what the customer wrote so a retry is one click.
      LOG.log(
          Level.SEVERE, "A response could not be saved; the customer was asked to retry", notSaved);
      return page(503, respondent.survey(), token, answers, Map.of(), true);
    }
    Survey survey = respondent.survey();
    return Response.ok(
            pages.publicPage(
                "survey/thanks",
                "Thank you",
                Map.of(
                    "title",
                    survey.title(),
                    "message",
                    survey.thankYou() == null
                        ? "Thank you for taking the time. Every comment is read by a real person, and if you left one, they will get back to you."
                        : survey.thankYou())))
        .build();
  }

  private Response alreadyAnswered(Survey survey) {
    return Response.status(409)
        .entity(
            pages.publicPage(
                "survey/answered", "Already answered", Map.of("title", survey.title())))
        .build();
  }

  private Response page(
      int status,
      Survey survey,
      String token,
      Map<String, String> values,
      Map<String, String> errors,
      boolean notSaved) {
    List<Map<String, Object>> questions = new ArrayList<>();
    for (Question q : survey.questions()) {
      Map<String, Object> model = new HashMap<>();
      model.put("key", q.key());
      model.put("field", FIELD_PREFIX + q.key());
      model.put("prompt", q.prompt());
      model.put("required", q.required());
      model.put("error", errors.get(q.key()));
      model.put("value", values.getOrDefault(q.key(), ""));
      model.put("isText", q.type() == QuestionType.TEXT);
      if (q.type().scored()) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int n = q.type().min(); n <= q.type().max(); n++) {
          options.add(Map.of("n", n, "checked", String.valueOf(n).equals(values.get(q.key()))));
        }
        model.put("options", options);
        model.put("lowLabel", "Not at all likely");
        model.put("highLabel", "Extremely likely");
      }
      questions.add(model);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("surveyTitle", survey.title());
    model.put("intro", survey.intro());
    model.put("token", token);
    model.put("questions", questions);
    model.put("hasErrors", !errors.isEmpty());
    model.put("notSaved", notSaved);
    return Response.status(status)
        .entity(pages.publicPage("survey/respond", survey.title(), model))
        .build();
  }
}
