package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.survey.internal.domain.LinkExpiredException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.Map;

/**
 * An expired personal link answers 410 Gone: a friendly page for the customer, problem+json for the
 * API. Nothing was recorded.
 */
@Provider
public class LinkExpiredMapper implements ExceptionMapper<LinkExpiredException> {
  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  @Context UriInfo uri;
  @Inject PageRenderer pages;

  @Override
  public Response toResponse(LinkExpiredException e) {
    String path = uri == null ? "" : uri.getPath();
    if (path.startsWith("api/") || path.startsWith("/api/")) {
      String body =
          Json.createObjectBuilder()
              .add("type", "about:blank")
              .add("title", "Link expired")
              .add("status", 410)
              .add("detail", e.getMessage())
              .build()
              .toString();
      return Response.status(410).type(PROBLEM_JSON).entity(body).build();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("title", e.surveyTitle());
    return Response.status(410)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(pages.publicPage("survey/expired", "Link expired", model))
        .build();
  }
}
