package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.internal.security.Csrf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every state-changing staff form (POST under /app) must carry the session's CSRF token ({@link
 * Csrf}: derived from the staff session, so any server can check it). The body is read once here
 * and handed on unchanged. The JSON API is protected by the SameSite session cookie and by
 * accepting only application/json bodies, which a cross-site form cannot send.
 */
@Provider
@ApplicationScoped
public class CsrfFilter implements ContainerRequestFilter {
  private static final int MAX_FORM_BYTES = 1_000_000;

  @Inject HttpServletRequest request;
  @Inject Csrf csrf;

  @Override
  public void filter(ContainerRequestContext context) throws IOException {
    String path = context.getUriInfo().getPath();
    if (!"POST".equals(context.getMethod())
        || !(path.startsWith("app/") || path.startsWith("/app/"))) {
      return;
    }
    MediaType type = context.getMediaType();
    String submitted = null;
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      byte[] body = context.getEntityStream().readNBytes(MAX_FORM_BYTES);
      context.setEntityStream(new ByteArrayInputStream(body));
      try {
        submitted = formField(new String(body, StandardCharsets.UTF_8), Csrf.FIELD);
      } catch (IllegalArgumentException notUrlEncoded) {
        context.abortWith(
            ProblemResponses.problem(
                context.getUriInfo(),
                400,
                "Malformed form",
                "The form could not be read: it is not URL-encoded. Go back, reload the page and try again.",
                List.of()));
        return;
      }
    } else if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      // An upload is streamed to its resource, not read here: its form carries the token in the
      // action's query string.
      submitted = context.getUriInfo().getQueryParameters().getFirst(Csrf.FIELD);
    }
    if (!csrf.isValid(request, submitted)) {
      context.abortWith(
          ProblemResponses.problem(
              context.getUriInfo(),
              403,
              "Form expired",
              "This form is out of date (or was not sent from Verbatim). Go back, reload the page and try again.",
              List.of()));
    }
  }

  /**
   * @throws IllegalArgumentException when the body is not URL-encoded (a stray {@code %})
   */
  static String formField(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
