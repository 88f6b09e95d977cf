package dev.verbatim.platform.internal.security;

import dev.verbatim.platform.internal.security.StaffSessionStore.ActiveSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Staff login. People log in with the form at {@code /login} (CSRF-protected); API clients POST
 * JSON credentials to {@code /api/session}. Either way the login is a row in the database named by
 * a signed cookie ({@link StaffSessions}), checked on every request by whichever server gets it, so
 * no HTTP session and no LTPA cookie are used (hence no {@code @AutoApplySession}). Unauthenticated
 * calls to protected URLs get 401 problem+json under {@code /api}, and are redirected to the login
 * page everywhere else.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {
  private static final Logger LOG = Logger.getLogger(StaffAuthenticationMechanism.class.getName());
  public static final String LOGIN_FAILED = "verbatim.loginFailed";

  @Inject IdentityStoreHandler identityStores;
  @Inject StaffSessions sessions;
  @Inject Csrf csrf;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    try {
      return authenticate(request, response, context);
    } catch (RuntimeException unavailable) {
      // the sessions' database cannot be read: say so instead of Liberty's bare 403
      LOG.log(Level.WARNING, "Staff login check failed: " + unavailable, unavailable);
      return problem(
          response,
          503,
          "Verbatim is unavailable",
          "The server cannot check your login right now. Please try again in a few seconds.");
    }
  }

  private AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean post = "POST".equals(request.getMethod());
    Optional<ActiveSession> session = sessions.resume(request);
    if (session.isPresent()) {
      // as with the HTTP session before: someone logged in stays who they are, and POST /login
      // and POST /api/session answer who that is
      return context.notifyContainerAboutLogin(
          session.get().username(), new HashSet<>(session.get().roles()));
    }
    if (post && path.equals("/login")) {
      AuthenticationStatus status = formLogin(request, response, context);
      if (status != AuthenticationStatus.SUCCESS) {
        sessions.ensureLoginValue(request, response); // the form shown again needs a token
      }
      return status;
    }
    if (post && path.equals("/api/session")) {
      return apiLogin(request, response, context);
    }
    if (path.equals("/login")) {
      sessions.ensureLoginValue(request, response);
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (path.startsWith("/api/")) {
      return problem(
          response,
          401,
          "Not logged in",
          "Log in first: POST /api/session with username and password.");
    }
    String target = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return context.redirect(
        request.getContextPath()
            + "/login?next="
            + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!csrf.isValidForLogin(request, request.getParameter(Csrf.FIELD))) {
      request.setAttribute(LOGIN_FAILED, "Your login form expired. Please try again.");
      return context.doNothing();
    }
    return login(
        request,
        response,
        context,
        request.getParameter("username"),
        request.getParameter("password"));
  }

  private AuthenticationStatus apiLogin(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      // another site's form can post text/plain that happens to be JSON: no login that way
      return problem(
          response,
          415,
          "Not JSON",
          "Send the credentials as application/json: {\"username\": …, \"password\": …}.");
    }
    String username;
    String password;
    try (JsonReader reader = Json.createReader(request.getInputStream())) {
      JsonObject body = reader.readObject();
      username = body.getString("username", null);
      password = body.getString("password", null);
    } catch (IOException | RuntimeException e) {
      // also Parsson's plain RuntimeException for a body nested deeper than 1,000 levels
      return problem(
          response,
          400,
          "Malformed login",
          "Send a JSON object with \"username\" and \"password\".");
    }
    AuthenticationStatus status = login(request, response, context, username, password);
    if (status != AuthenticationStatus.SUCCESS) {
      return problem(response, 401, "Login failed", "Unknown user or wrong password.");
    }
    return status;
  }

  private AuthenticationStatus login(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String username,
      String password) {
    if (username == null || password == null || username.isBlank()) {
      request.setAttribute(LOGIN_FAILED, "Enter your username and password.");
      return context.doNothing();
    }
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(username.strip(), password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      request.setAttribute(LOGIN_FAILED, "Unknown user or wrong password.");
      return context.doNothing();
    }
    sessions.start(
        result.getCallerPrincipal().getName(), result.getCallerGroups(), request, response);
    return context.notifyContainerAboutLogin(result);
  }

  private static AuthenticationStatus problem(
      HttpServletResponse response, int status, String title, String detail) {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    try {
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("type", "about:blank")
                  .add("title", title)
                  .add("status", status)
                  .add("detail", detail)
                  .build()
                  .toString());
    } catch (IOException ignored) {
      // the client went away; nothing to tell it
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
