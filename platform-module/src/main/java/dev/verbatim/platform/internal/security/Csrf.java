package dev.verbatim.platform.internal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * CSRF tokens that need no server memory: the token sent back in the hidden {@code _csrf} field is
 * an HMAC, with the key every server shares, over the staff session's id ({@code "csrf:" + id}), so
 * any server can check it and it changes at login. The login form, before there is a session, binds
 * its token to the random value of the login cookie instead ({@code "login:" + value}).
 */
@ApplicationScoped
public class Csrf {
  public static final String FIELD = "_csrf";

  @Inject StaffSessions sessions;

  /**
   * The token for this request's forms: the staff session's, or on the login page the login
   * cookie's; empty for a visitor who has neither (such a page has no form that needs one).
   */
  public String tokenFor(HttpServletRequest request) {
    SessionSigner signer = sessions.signer();
    Optional<String> session = sessions.sessionIdOf(request);
    if (session.isPresent()) {
      return signer.csrfToken(session.get());
    }
    return sessions.loginValueOf(request).map(signer::loginCsrfToken).orElse("");
  }

  /** A staff form's token: valid only for the request's own staff session. */
  public boolean isValid(HttpServletRequest request, String submitted) {
    return sessions
        .sessionIdOf(request)
        .map(id -> SessionSigner.sameText(sessions.signer().csrfToken(id), submitted))
        .orElse(false);
  }

  /** The login form's token: valid only with the login cookie it was derived from. */
  boolean isValidForLogin(HttpServletRequest request, String submitted) {
    return sessions
        .loginValueOf(request)
        .map(v -> SessionSigner.sameText(sessions.signer().loginCsrfToken(v), submitted))
        .orElse(false);
  }
}
