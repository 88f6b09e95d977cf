package it.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ItEnvironment;
import it.support.Names;
import it.support.StaffCookies;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A staff login and its CSRF tokens live in the database and in signed cookies, not in the server's
 * memory, so any server of an installation (several behind a round-robin proxy, or one restarted)
 * accepts them. This cannot restart the shared IT server, so it proves statelessness directly:
 * every request here is sent by a client without a cookie jar, carrying by hand nothing but the
 * {@value StaffCookies#SESSION} (or {@value StaffCookies#LOGIN}) cookie; the server never sets a
 * JSESSIONID (an HTTP session) or LtpaToken2 (Liberty's in-memory login) cookie.
 */
class StatelessSessionIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void theLoginPageAndBothLoginsSetOnlyTheirOwnCookies() {
    HttpResponse<String> page = send(get("/login"));
    String loginCookie = StaffCookies.set(page.headers(), StaffCookies.LOGIN).orElseThrow();
    HttpResponse<String> formLogin =
        send(
            form(
                "/login",
                StaffCookies.LOGIN + "=" + loginCookie,
                Map.of(
                    "_csrf",
                    StaffCookies.csrfToken(page.body()),
                    "next",
                    "/app",
                    "username",
                    "admin",
                    "password",
                    ItEnvironment.adminPassword())));
    HttpResponse<String> apiLogin = apiLogIn();

    assertThat(StaffCookies.namesSet(page.headers())).containsExactly(StaffCookies.LOGIN);
    assertThat(formLogin.statusCode()).isEqualTo(303);
    assertThat(formLogin.headers().firstValue("Location").orElse("")).endsWith("/app");
    assertThat(StaffCookies.namesSet(formLogin.headers()))
        .contains(StaffCookies.SESSION)
        .doesNotContainAnyElementsOf(StaffCookies.CONTAINER_COOKIES);
    assertThat(StaffCookies.namesSet(apiLogin.headers())).containsExactly(StaffCookies.SESSION);
    assertThat(StaffCookies.set(apiLogin.headers(), StaffCookies.SESSION).orElseThrow())
        .matches(StaffCookies.SESSION_VALUE);
  }

  @Test
  void theAnonymousLoginPageKeepsNoSessionAndSetsItsCookieOnce() {
    HttpResponse<String> first = send(get("/login"));
    String loginCookie = StaffCookies.set(first.headers(), StaffCookies.LOGIN).orElseThrow();
    HttpResponse<String> again = send(get("/login", StaffCookies.LOGIN + "=" + loginCookie));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(StaffCookies.namesSet(first.headers())).doesNotContain("JSESSIONID", "LtpaToken2");
    assertThat(StaffCookies.namesSet(again.headers())).isEmpty();
    assertThat(StaffCookies.csrfToken(again.body()))
        .as("the same login cookie gives the same token: nothing was kept for it")
        .isEqualTo(StaffCookies.csrfToken(first.body()));
  }

  @Test
  void theLoginWorksWithNothingButTheSessionCookie() {
    String session = sessionCookie(apiLogIn());

    HttpResponse<String> me = send(get("/api/session", session));
    HttpResponse<String> page = send(get("/app", session));

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"admin\"");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(StaffCookies.namesSet(page.headers())).isEmpty();
  }

  @Test
  void aFormPostWithThePagesTokenWorksWithOnlyTheSessionCookie() {
    String session = sessionCookie(apiLogIn());
    String token = StaffCookies.csrfToken(send(get("/app/users", session)).body());
    String username = Names.unique("stateless");

    HttpResponse<String> created =
        send(
            form(
                "/app/users",
                session,
                Map.of(
                    "_csrf",
                    token,
                    "username",
                    username,
                    "displayName",
                    "Stella Less",
                    "email",
                    username + "@staff.example.com",
                    "password",
                    "pw-" + Names.suffix() + "-long-enough",
                    "roles",
                    "owner")));

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).contains("Created " + username);
  }

  @Test
  void aTokenFromAnotherSessionIsRefused() {
    String mine = sessionCookie(apiLogIn());
    String theirs = sessionCookie(apiLogIn());
    String theirToken = StaffCookies.csrfToken(send(get("/app/users", theirs)).body());
    String username = Names.unique("forged");

    HttpResponse<String> forged =
        send(
            form(
                "/app/users",
                mine,
                Map.of(
                    "_csrf",
                    theirToken,
                    "username",
                    username,
                    "email",
                    username + "@staff.example.com",
                    "password",
                    "pw-" + Names.suffix() + "-long-enough",
                    "roles",
                    "owner")));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(send(get("/app/users", mine)).body()).doesNotContain(username);
  }

  @Test
  void theTokenChangesAtLogin() {
    HttpResponse<String> page = send(get("/login"));
    String loginCookie =
        StaffCookies.LOGIN
            + "="
            + StaffCookies.set(page.headers(), StaffCookies.LOGIN).orElseThrow();
    String loginToken = StaffCookies.csrfToken(page.body());
    HttpResponse<String> login =
        send(
            form(
                "/login",
                loginCookie,
                Map.of(
                    "_csrf",
                    loginToken,
                    "next",
                    "/app",
                    "username",
                    "admin",
                    "password",
                    ItEnvironment.adminPassword())));
    String session = sessionCookie(login);

    String tokenAfterLogin = StaffCookies.csrfToken(send(get("/app", session)).body());

    assertThat(tokenAfterLogin).isNotEqualTo(loginToken);
    assertThat(StaffCookies.set(login.headers(), StaffCookies.LOGIN))
        .as("the login cookie is cleared")
        .contains("");
    HttpResponse<String> withTheLoginToken =
        send(form("/logout", session, Map.of("_csrf", loginToken)));
    assertThat(withTheLoginToken.statusCode()).isEqualTo(403);
  }

  @Test
  void aLogoutFormEndsTheCookieForEveryLaterRequest() {
    String session = sessionCookie(apiLogIn());
    String token = StaffCookies.csrfToken(send(get("/app", session)).body());

    HttpResponse<String> logout = send(form("/logout", session, Map.of("_csrf", token)));

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(StaffCookies.set(logout.headers(), StaffCookies.SESSION)).contains("");
    assertLoggedOut(session);
  }

  @Test
  void anApiLogoutEndsTheCookieForEveryLaterRequest() {
    String session = sessionCookie(apiLogIn());

    HttpResponse<String> logout = send(request("/api/session").header("Cookie", session).DELETE());

    assertThat(logout.statusCode()).isEqualTo(204);
    assertLoggedOut(session);
  }

  @Test
  void aTamperedCookieIsRefused() {
    String session = sessionCookie(apiLogIn());
    String value = session.substring(session.indexOf('=') + 1);
    char last = value.charAt(value.length() - 1);
    String tamperedMac =
        StaffCookies.SESSION
            + "="
            + value.substring(0, value.length() - 1)
            + (last == 'A' ? 'B' : 'A');
    String otherId =
        StaffCookies.SESSION + "=" + "A".repeat(43) + value.substring(value.indexOf('.'));

    assertLoggedOut(tamperedMac);
    assertLoggedOut(otherId);
    assertLoggedOut(StaffCookies.SESSION + "=" + value.substring(0, value.indexOf('.')));
  }

  // ---- helpers

  private static void assertLoggedOut(String cookie) {
    HttpResponse<String> api = send(get("/api/session", cookie));
    HttpResponse<String> page = send(get("/app", cookie));
    assertThat(api.statusCode()).as("GET /api/session with %s", cookie).isEqualTo(401);
    assertThat(page.statusCode()).isIn(302, 303);
    assertThat(page.headers().firstValue("Location").orElse("")).contains("/login?next=");
  }

  private static HttpResponse<String> apiLogIn() {
    HttpResponse<String> login =
        send(
            request("/api/session")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\""
                            + ItEnvironment.adminPassword()
                            + "\"}")));
    assertThat(login.statusCode()).isEqualTo(200);
    return login;
  }

  /** The Cookie header for the session a login response set. */
  private static String sessionCookie(HttpResponse<String> login) {
    return StaffCookies.SESSION
        + "="
        + StaffCookies.set(login.headers(), StaffCookies.SESSION)
            .orElseThrow(() -> new AssertionError("no session cookie in " + login.headers()));
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + path))
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private static HttpRequest.Builder get(String path, String cookie) {
    return request(path).header("Cookie", cookie).GET();
  }

  private static HttpRequest.Builder form(String path, String cookie, Map<String, String> fields) {
    String body =
        new LinkedHashMap<>(fields)
            .entrySet().stream()
                .map(
                    e ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    return request(path)
        .header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
