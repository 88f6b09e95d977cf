package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.AccessDeniedException;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.internal.security.Csrf;
import dev.verbatim.platform.internal.security.StaffAuthenticationMechanism;
import dev.verbatim.platform.internal.security.StaffSessions;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * The staff login form. Credentials are checked by {@link StaffAuthenticationMechanism} before this
 * runs.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {
  @Inject PageRenderer pages;
  @Inject CurrentStaff currentStaff;
  @Inject StaffSessions sessions;
  @Inject Csrf csrf;
  @Context HttpServletRequest request;

  @GET
  public Response root() {
    return Response.seeOther(URI.create("/app")).build();
  }

  @GET
  @Path("login")
  public String form(@QueryParam("next") String next) {
    return pages.staffPage("platform/login", "Log in", Map.of("next", safeNext(next)));
  }

  @POST
  @Path("login")
  public Response submit() {
    String next = request.getParameter("next");
    Object failure = request.getAttribute(StaffAuthenticationMechanism.LOGIN_FAILED);
    if (failure != null || request.getUserPrincipal() == null) {
      String message = failure == null ? "Unknown user or wrong password." : failure.toString();
      return Response.status(401)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(
              pages.staffPage(
                  "platform/login", "Log in", Map.of("next", safeNext(next), "error", message)))
          .build();
    }
    return Response.seeOther(URI.create(safeNext(next))).build();
  }

  /**
   * Ends the session: its row is revoked, so the cookie stops working on every server at once. Like
   * every staff form it needs the session's CSRF token, so another site cannot log a person out; a
   * visitor who holds only a login form has no such token and is refused too. Without either there
   * is nothing to end and nothing to check.
   */
  @POST
  @Path("logout")
  public Response logout() {
    boolean known = sessions.sessionIdOf(request).isPresent() || sessions.hasLoginForm(request);
    if (known && !csrf.isValid(request, request.getParameter(Csrf.FIELD))) {
      throw new AccessDeniedException(
          "This form is out of date (or was not sent from Verbatim). Go back, reload the page and"
              + " try again.");
    }
    return Response.seeOther(URI.create("/login"))
        .header("Set-Cookie", sessions.end(request))
        .build();
  }

  /** Only same-site paths: "next" must never send someone to another host after login. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.startsWith("/login")) {
      return "/app";
    }
    return next;
  }
}
