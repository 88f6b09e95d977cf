package it.support;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cookies of a staff login, for tests that carry them by hand (to another server, say): the
 * session cookie {@value #SESSION} ({@code <session id>.<HMAC>}, base64url, set by POST /login and
 * POST /api/session) and the login form's cookie {@value #LOGIN} (a random value, set by GET
 * /login, cleared by the login). Neither needs the server that set it: any server of the
 * installation checks them.
 */
public final class StaffCookies {
  public static final String SESSION = "verbatim_session";
  public static final String LOGIN = "verbatim_login";

  /** What the servlet container would set if it kept logins or sessions in memory. */
  public static final List<String> CONTAINER_COOKIES = List.of("JSESSIONID", "LtpaToken2");

  /** The shape of a session cookie's value: 32 random bytes, a dot, 32 bytes of HMAC. */
  public static final Pattern SESSION_VALUE =
      Pattern.compile("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}");

  private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

  private StaffCookies() {}

  /** The value the response sets for the cookie, if it sets it (the last one when several). */
  public static Optional<String> set(HttpHeaders headers, String name) {
    return headers.allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .reduce((first, second) -> second)
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
  }

  /** The names of all the cookies the response sets. */
  public static List<String> namesSet(HttpHeaders headers) {
    return headers.allValues("Set-Cookie").stream()
        .map(c -> c.substring(0, c.indexOf('=')))
        .toList();
  }

  /** The first hidden {@code _csrf} field of a page. */
  public static String csrfToken(String html) {
    Matcher m = HIDDEN_CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no _csrf field in the page");
    }
    return m.group(1);
  }
}
