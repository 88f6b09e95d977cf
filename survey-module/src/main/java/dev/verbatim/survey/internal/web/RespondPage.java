package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.internal.application.ResponseService;
import dev.verbatim.survey.internal.domain.LinkExpiredException;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyVersion;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customer's survey page: plain HTML forms, no JavaScript, phone-sized. Errors appear next to
 * the question and everything typed is kept. A score clicked in the invitation email ({@code
 * /s/<token>/answer/<score>}) is kept as a partial answer and pre-selected here.
 */
@ApplicationScoped
@Path("/s/{token}")
@Produces(MediaType.TEXT_HTML)
public class RespondPage {
  private static final Logger LOG = Logger.getLogger(RespondPage.class.getName());

  @Inject ResponseService responses;
  @Inject PageRenderer pages;

  @GET
  public Response show(@PathParam("token") String token) {
    ResponseService.Respondent respondent = responses.openPage(token);
    if (respondent.invitation().isAnswered()) {
      return alreadyAnswered(respondent.survey());
    }
    return page(200, respondent.version(), token, respondent.answersSoFar(), Map.of(), null);
  }

  /**
   * A score link from the email. A GET that may record (mail scanners follow links), so it is
   * idempotent: one partial response per invitation, holding the last score clicked.
   */
  @GET
  @Path("answer/{score}")
  public Response answerFromEmail(
      @PathParam("token") String token, @PathParam("score") String score) {
    ResponseService.Respondent respondent = responses.open(token);
    if (respondent.invitation().isAnswered()) {
      return alreadyAnswered(respondent.survey());
    }
    ResponseService.emailQuestion(respondent.version());
    Integer value = parse(score);
    try {
      if (value == null) {
        throw new InvalidInputException(
            java.util.List.of(new FieldError("score", "That is not a score.")));
      }
      try {
        responses.recordEmailScore(token, value);
      } catch (StateConflictException raced) {
        // Two clicks at once: the other one created the partial; this one updates it.
        responses.recordEmailScore(token, value);
      }
    } catch (InvalidInputException outOfScale) {
      Map<String, Object> model = new HashMap<>();
      model.put("message", outOfScale.errors().get(0).message());
      model.put("token", token);
      model.put("title", respondent.survey().title());
      return Response.status(400)
          .entity(pages.publicPage("survey/score-problem", "Score not on the scale", model))
          .build();
    } catch (StateConflictException alreadyDone) {
      return alreadyAnswered(respondent.survey());
    }
    return Response.seeOther(URI.create("/s/" + token)).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submit(@PathParam("token") String token, MultivaluedMap<String, String> form) {
    Map<String, String> answers = RespondForm.answers(form);
    if ("later".equals(form.getFirst("action"))) {
      return saveForLater(token, answers);
    }
    // The common case reads the invitation once, in the submitting transaction; the page shown
    // after a refusal reads it again.
    SurveyVersion answered;
    try {
      answered = responses.submitFromPage(token, answers).version();
    } catch (InvalidInputException invalid) {
      return invalid(responses.open(token).version(), token, answers, invalid);
    } catch (StateConflictException alreadyDone) {
      return alreadyAnswered(responses.open(token).survey());
    } catch (ResourceNotFoundException | LinkExpiredException noSuchLink) {
      throw noSuchLink;
    } catch (RuntimeException notSaved) {
      // Nothing was stored (one transaction); keep what the customer wrote so a retry is one click.
      LOG.log(
          Level.SEVERE, "A response could not be saved; the customer was asked to retry", notSaved);
      return page(503, responses.open(token).version(), token, answers, Map.of(), "notSaved");
    }
    return Response.ok(
            pages.publicPage(
                "survey/thanks",
                "Thank you",
                Map.of(
                    "title",
                    answered.title(),
                    "message",
                    answered.thankYou() == null
                        ? "Thank you for taking the time. Every comment is read by a real person, and if you left one, they will get back to you."
                        : answered.thankYou())))
        .build();
  }

  private Response saveForLater(String token, Map<String, String> answers) {
    ResponseService.Respondent respondent = responses.open(token);
    SurveyVersion version = respondent.version();
    try {
      responses.saveForLater(token, answers);
      return page(200, version, token, answers, Map.of(), "saved");
    } catch (InvalidInputException invalid) {
      return invalid(version, token, answers, invalid);
    } catch (StateConflictException alreadyDone) {
      return alreadyAnswered(respondent.survey());
    } catch (RuntimeException notSaved) {
      LOG.log(
          Level.SEVERE, "Answers could not be saved for later; the customer was told", notSaved);
      return page(503, version, token, answers, Map.of(), "notSaved");
    }
  }

  private Response invalid(
      SurveyVersion version,
      String token,
      Map<String, String> answers,
      InvalidInputException invalid) {
    Map<String, String> errors = new HashMap<>();
    for (FieldError error : invalid.errors()) {
      errors.put(error.field().replaceFirst("^answers\\.", ""), error.message());
    }
    return page(400, version, token, answers, errors, null);
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
      SurveyVersion version,
      String token,
      Map<String, String> values,
      Map<String, String> errors,
      String flag) {
    Map<String, Object> model = RespondForm.model(version, token, values, errors);
    if (flag != null) {
      model.put(flag, true);
    }
    return Response.status(status)
        .entity(pages.publicPage("survey/respond", version.title(), model))
        .build();
  }

  private static Integer parse(String score) {
    try {
      return Integer.valueOf(score);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
