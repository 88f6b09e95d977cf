package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The one error shape: problem+json ({@code type, title, status, detail, errors[field, message]})
 * for the API, a readable page for people. Never a stack trace or a class name.
 */
public final class ProblemResponses {
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private ProblemResponses() {}

  public static Response problem(
      UriInfo uri, int status, String title, String detail, List<FieldError> errors) {
    if (uri != null && !uri.getPath().startsWith("api/") && !uri.getPath().startsWith("/api/")) {
      return Response.status(status)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(ErrorPage.render(status, title, detail, errors))
          .build();
    }
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(json(status, title, detail, errors))
        .build();
  }

  /** The problem+json body, also for code outside JAX-RS (servlets). */
  public static String json(int status, String title, String detail, List<FieldError> errors) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? title : detail);
    if (errors != null && !errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      body.add("errors", list);
    }
    return body.build().toString();
  }
}
