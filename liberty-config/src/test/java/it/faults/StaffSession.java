package it.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A logged-in staff member on the fault server (it.support.ApiClient talks to the IT server only):
 * the few API calls the fault scenarios arrange with, each asserting its status.
 */
public final class StaffSession {
  private final HttpClient http;
  private final String baseUrl;

  private final CookieManager cookies;

  private StaffSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  private StaffSession(String baseUrl, StaffSession sameCookies) {
    this.baseUrl = baseUrl;
    this.cookies = sameCookies.cookies;
    this.http = sameCookies.http;
  }

  /**
   * The same browser (the same cookies) talking to another server: cookies belong to a host, not a
   * port, so what one server set is sent to the other as well.
   */
  public StaffSession on(String otherBaseUrl) {
    return new StaffSession(otherBaseUrl, this);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The cookies this browser holds (name=value), for the report. */
  public List<String> cookieNames() {
    return cookies.getCookieStore().getCookies().stream().map(c -> c.getName()).toList();
  }

  /** GET of a page; returns status and body whatever the status. */
  public HttpResponse<String> getPage(String path) {
    return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  /** POST of an HTML form (urlencoded); returns status and body whatever the status. */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    return exchange(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any API call; returns status and body whatever the status. */
  public HttpResponse<String> call(String method, String path) {
    return exchange(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(request.build().uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public static StaffSession logIn(String baseUrl, String username, String password) {
    StaffSession session = new StaffSession(baseUrl);
    session.send("POST", "/api/session", Map.of("username", username, "password", password), 200);
    return session;
  }

  public static StaffSession admin(FaultServer server) {
    return admin(server.baseUrl());
  }

  /** The first admin, logged in at {@code baseUrl} (a server or a proxy in front of servers). */
  public static StaffSession admin(String baseUrl) {
    return logIn(baseUrl, "admin", System.getProperty("verbatim.adminPassword"));
  }

  /**
   * An owner who becomes the global fallback owner, then an NPS + comment survey, published: every
   * comment gets a case with this owner.
   */
  public String publishedSurveyWithFallbackOwner(String title) {
    String owner = "fault-owner-" + System.nanoTime();
    send(
        "POST",
        "/api/users",
        Map.of(
            "username",
            owner,
            "email",
            owner + "@staff.example.com",
            "displayName",
            "Fault Owner",
            "password",
            "pw-" + owner + "-long-enough",
            "roles",
            List.of("owner")),
        201);
    send("PUT", "/api/followup/settings", Map.of("fallbackOwner", owner), 200);
    String surveyId =
        send(
                "POST",
                "/api/surveys",
                Map.of(
                    "title",
                    title,
                    "questions",
                    List.of(
                        Map.of("type", "NPS", "prompt", "How likely are you to recommend us?"),
                        Map.of("type", "TEXT", "prompt", "What is the main reason?"))),
                201)
            .getString("id");
    send("POST", "/api/surveys/" + surveyId + "/publish", Map.of(), 200);
    return surveyId;
  }

  /** {@code count} new contacts {@code <prefix>-<n>@customers.example.com}, in bulk requests. */
  public void addContacts(String prefix, int count) {
    int chunk = 1000;
    for (int from = 0; from < count; from += chunk) {
      List<Map<String, Object>> contacts = new java.util.ArrayList<>();
      for (int i = from; i < Math.min(count, from + chunk); i++) {
        contacts.add(
            Map.of(
                "email",
                prefix + "-" + i + "@customers.example.com",
                "name",
                "Customer " + i,
                "attributes",
                Map.of()));
      }
      send("POST", "/api/contacts/bulk", contacts, 200);
    }
  }

  /**
   * Sends the survey to every contact (the database is this test's alone), one distribution per
   * page of 200 contacts: one distribution is one transaction, and a big one can outlast the
   * transaction timeout on a busy machine.
   */
  public void sendToEveryone(String surveyId) {
    for (int page = 1; ; page++) {
      List<String> ids =
          send("GET", "/api/contacts?size=200&page=" + page, null, 200)
              .getJsonArray("items")
              .getValuesAs(JsonObject.class)
              .stream()
              .map(contact -> contact.getString("id"))
              .toList();
      if (ids.isEmpty()) {
        return;
      }
      send("POST", "/api/surveys/" + surveyId + "/distributions", Map.of("contactIds", ids), 201);
    }
  }

  public JsonObject send(String method, String path, Object body, int expectedStatus) {
    String json =
        body == null
            ? ""
            : body instanceof Collection<?> list
                ? Json.createArrayBuilder(list).build().toString()
                : Json.createObjectBuilder(castMap(body)).build().toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new AssertionError(
            method
                + " "
                + path
                + ": expected "
                + expectedStatus
                + ", got "
                + response.statusCode()
                + ": "
                + response.body());
      }
      String text = response.body();
      return text == null || !text.trim().startsWith("{")
          ? Json.createObjectBuilder().build()
          : Json.createReader(new StringReader(text)).readObject();
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object body) {
    return (Map<String, Object>) body;
  }
}
