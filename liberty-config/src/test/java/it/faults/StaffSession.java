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
final class StaffSession {
  private final HttpClient http;
  private final String baseUrl;

  private StaffSession(String baseUrl) {
    this.baseUrl = baseUrl;
    CookieManager cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  static StaffSession logIn(String baseUrl, String username, String password) {
    StaffSession session = new StaffSession(baseUrl);
    session.send("POST", "/api/session", Map.of("username", username, "password", password), 200);
    return session;
  }

  static StaffSession admin(FaultServer server) {
    return logIn(server.baseUrl(), "admin", System.getProperty("verbatim.adminPassword"));
  }

  /**
   * An owner who becomes the global fallback owner, then an NPS + comment survey, published: every
   * comment gets a case with this owner.
   */
  String publishedSurveyWithFallbackOwner(String title) {
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
  void addContacts(String prefix, int count) {
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
  void sendToEveryone(String surveyId) {
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

  JsonObject send(String method, String path, Object body, int expectedStatus) {
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
