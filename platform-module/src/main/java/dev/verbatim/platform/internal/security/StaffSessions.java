package dev.verbatim.platform.internal.security;

import dev.verbatim.platform.api.SecretKeys;
import dev.verbatim.platform.internal.security.StaffSessionStore.ActiveSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Staff logins that any server can check: a row in plt_staff_session, named by the signed cookie
 * {@value #COOKIE} ({@code <session id>.<HMAC>}, see {@link SessionSigner}). No HTTP session, no
 * LTPA cookie, nothing kept in a server's memory: a login made on one server works on every other,
 * and a logout (the row revoked) ends it on all of them at once.
 *
 * <p>Before login the login form's CSRF token is bound to the random value of a short-lived cookie
 * {@value #LOGIN_COOKIE}, which the login clears.
 */
@ApplicationScoped
public class StaffSessions {
  /** The staff session cookie: {@code <session id>.<base64url HMAC-SHA256("session:" + id)>}. */
  public static final String COOKIE = "verbatim_session";

  /** The login form's anonymous cookie: a random value the form's CSRF token is derived from. */
  public static final String LOGIN_COOKIE = "verbatim_login";

  static final String LOGIN_COOKIE_PATH = "/";
  static final Duration LOGIN_COOKIE_LIFETIME = Duration.ofHours(1);

  /** last_seen_at is written at most this often, so a busy person costs one UPDATE a minute. */
  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private static final String SESSION_ATTRIBUTE = "verbatim.staffSession";
  private static final String LOGIN_VALUE_ATTRIBUTE = "verbatim.loginValue";

  @Inject SecretKeys keys;
  @Inject StaffSessionStore store;
  @Inject StaffSessionSettings settings;
  @Inject Clock clock;

  private volatile SessionSigner signer;

  SessionSigner signer() {
    SessionSigner current = signer;
    if (current == null) {
      current = new SessionSigner(keys.key(SessionSigner.KEY_PURPOSE));
      signer = current;
    }
    return current;
  }

  /**
   * The request's staff session, when its cookie is signed by us and names a usable session (not
   * revoked, expired or idle; account active). Remembered for the rest of the request.
   */
  Optional<ActiveSession> resume(HttpServletRequest request) {
    String value = cookie(request, COOKIE);
    if (value == null) {
      return Optional.empty(); // a customer or a visitor: no key, no database
    }
    Optional<String> id = signer().sessionIdFrom(value);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    long now = clock.millis();
    Optional<ActiveSession> session = store.findActive(id.get(), now, idleSince(now));
    session.ifPresent(
        s -> {
          if (now - s.lastSeenAt() >= TOUCH_INTERVAL.toMillis()) {
            store.touch(s.id(), now);
          }
          request.setAttribute(SESSION_ATTRIBUTE, s);
        });
    return session;
  }

  /** The id of the request's staff session (after it was resumed or started), if any. */
  public Optional<String> sessionIdOf(HttpServletRequest request) {
    return request.getAttribute(SESSION_ATTRIBUTE) instanceof ActiveSession s
        ? Optional.of(s.id())
        : Optional.empty();
  }

  /**
   * Logs the person in: a new session row and its cookie; the session the request came with (if
   * any) and the login cookie end.
   */
  void start(
      String username,
      Set<String> roles,
      HttpServletRequest request,
      HttpServletResponse response) {
    long now = clock.millis();
    sessionIdOf(request).ifPresent(previous -> store.revoke(previous, now));
    store.deleteEndedFor(username, now, idleSince(now));
    String id = SessionSigner.randomValue();
    store.open(id, username, now, now + settings.maximumLifetime().toMillis());
    request.setAttribute(SESSION_ATTRIBUTE, new ActiveSession(id, username, roles, now));
    request.removeAttribute(LOGIN_VALUE_ATTRIBUTE);
    response.addHeader("Set-Cookie", setCookie(COOKIE, signer().cookieValue(id), "/", null));
    if (cookie(request, LOGIN_COOKIE) != null) {
      response.addHeader("Set-Cookie", setCookie(LOGIN_COOKIE, "", LOGIN_COOKIE_PATH, 0L));
    }
  }

  /**
   * Logs out: revokes the request's session (on every server at once) and returns the Set-Cookie
   * header value that clears the cookie.
   */
  public String end(HttpServletRequest request) {
    sessionIdOf(request).ifPresent(id -> store.revoke(id, clock.millis()));
    request.removeAttribute(SESSION_ATTRIBUTE);
    return setCookie(COOKIE, "", "/", 0L);
  }

  /** Ends every session of the account, on every server (call it when an account changes). */
  public int revokeAllFor(String username) {
    return store.revokeAllFor(username, clock.millis());
  }

  /**
   * The login form's random value: the visitor's login cookie, or a new value set on the response
   * (anonymous visitors of /login only).
   */
  void ensureLoginValue(HttpServletRequest request, HttpServletResponse response) {
    if (loginValueOf(request).isPresent()) {
      return;
    }
    String value = SessionSigner.randomValue();
    request.setAttribute(LOGIN_VALUE_ATTRIBUTE, value);
    response.addHeader(
        "Set-Cookie",
        setCookie(LOGIN_COOKIE, value, LOGIN_COOKIE_PATH, LOGIN_COOKIE_LIFETIME.toSeconds()));
  }

  /** Whether the visitor holds a login form's cookie (a visitor of the login page). */
  public boolean hasLoginForm(HttpServletRequest request) {
    return loginValueOf(request).isPresent();
  }

  Optional<String> loginValueOf(HttpServletRequest request) {
    if (request.getAttribute(LOGIN_VALUE_ATTRIBUTE) instanceof String fresh) {
      return Optional.of(fresh);
    }
    String value = cookie(request, LOGIN_COOKIE);
    return SessionSigner.isRandomValue(value) ? Optional.of(value) : Optional.empty();
  }

  private long idleSince(long now) {
    return now - settings.idleTimeout().toMillis();
  }

  /** A Set-Cookie value written out in full, so every server sends exactly these attributes. */
  String setCookie(String name, String value, String path, Long maxAgeSeconds) {
    StringBuilder header = new StringBuilder(name).append('=').append(value);
    header.append("; Path=").append(path);
    if (maxAgeSeconds != null) {
      header.append("; Max-Age=").append(maxAgeSeconds);
      if (maxAgeSeconds == 0) {
        header.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
      }
    }
    header.append("; HttpOnly; SameSite=Lax");
    if (settings.secureCookies()) {
      header.append("; Secure");
    }
    return header.toString();
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    String found = null;
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        found = cookie.getValue();
      }
    }
    return found;
  }
}
