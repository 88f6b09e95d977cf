package it.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ItEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cookies that stand for a person at the login: the staff session cookie (verbatim_session, set
 * by the login) and the login form's cookie (verbatim_login, set by the login page, the login
 * form's CSRF token is bound to it). Out of reach of scripts and of other sites' requests; on plain
 * HTTP not Secure, so localhost keeps working (Secure when verbatim.cookies.secure is true).
 */
class SessionCookieIT {

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    assertThat(cookie(login(), "verbatim_session"))
        .containsIgnoringCase("; HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void theLoginFormCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    assertThat(cookie(loginPage(), "verbatim_login"))
        .containsIgnoringCase("; HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void onPlainHttpNeitherIsMarkedSecureSoLocalhostStillWorks() throws Exception {
    assertThat(cookie(login(), "verbatim_session")).doesNotContainIgnoringCase("; Secure");
    assertThat(cookie(loginPage(), "verbatim_login")).doesNotContainIgnoringCase("; Secure");
  }

  private static HttpResponse<String> login() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\""
                            + ItEnvironment.adminPassword()
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> loginPage() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static String cookie(HttpResponse<String> response, String name) {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> cookies =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(name + "="))
            .toList();
    assertThat(cookies).as("Set-Cookie %s in %s", name, response.headers().map()).isNotEmpty();
    return cookies.get(cookies.size() - 1);
  }
}
