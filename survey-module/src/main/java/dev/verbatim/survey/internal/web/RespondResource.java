package dev.verbatim.survey.internal.web;

import dev.verbatim.survey.internal.application.ResponseService;
import dev.verbatim.survey.internal.domain.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The respondent API (no login: the token is the credential). A second submission answers 409; an
 * expired link 410. Multiple choices may be sent as a JSON array of option labels.
 */
@ApplicationScoped
@Path("/api/respond/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class RespondResource {
  @Inject ResponseService responses;

  public record SurveyForRespondent(
      String title,
      String intro,
      boolean answered,
      int version,
      Map<String, String> answersSoFar,
      List<SurveyJson.QuestionJson> questions) {}

  /** Answers by question key; scores may be sent as numbers or strings. */
  public record Submission(Map<String, Object> answers) {}

  /** {@code version}: the survey version the answers belong to. */
  public record Receipt(String responseId, int version, String message) {}

  @GET
  public SurveyForRespondent get(@PathParam("token") String token) {
    ResponseService.Respondent r = responses.openPage(token);
    return new SurveyForRespondent(
        r.version().title(),
        r.version().intro(),
        r.invitation().isAnswered(),
        r.version().number(),
        r.answersSoFar(),
        r.version().questions().stream().map(SurveyJson.QuestionJson::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(@PathParam("token") String token, Submission submission) {
    Map<String, String> answers = new HashMap<>();
    if (submission != null && submission.answers() != null) {
      submission.answers().forEach((key, value) -> answers.put(key, text(value)));
    }
    SurveyResponse response = responses.submit(token, answers);
    return Response.status(Response.Status.CREATED)
        .entity(new Receipt(response.id(), response.version(), "Thank you!"))
        .build();
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof Collection<?> many) {
      return many.stream().map(RespondResource::text).collect(Collectors.joining("\n"));
    }
    return value.toString();
  }
}
