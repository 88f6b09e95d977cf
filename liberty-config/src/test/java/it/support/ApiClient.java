package it.support;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person talking to Verbatim over HTTP: keeps their session cookie (one client per user), never
 * follows redirects (tests assert them), and checks every body with {@link NoLeaks}.
 */
public final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final String who;

  private ApiClient(String who) {
    this.who = who;
    CookieManager cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Someone who is not logged in: a customer, or a stranger. */
  public static ApiClient anonymous() {
    return new ApiClient("anonymous");
  }

  /** Logs in through {@code POST /api/session}; fails the test when that does not answer 200. */
  public static ApiClient logIn(String username, String password) {
    ApiClient client = new ApiClient(username);
    client
        .postJson("/api/session", Map.of("username", username, "password", password))
        .expectStatus(200);
    return client;
  }

  public static ApiClient admin() {
    return logIn("admin", ItEnvironment.adminPassword());
  }

  public ApiResponse get(String path) {
    return send("GET", path, request(path).GET());
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, request(path).DELETE());
  }

  /** Body: a {@link JsonStructure}, or a Map / Collection turned into JSON. */
  public ApiResponse postJson(String path, Object body) {
    return postRaw(path, "application/json", toJson(body));
  }

  public ApiResponse putJson(String path, Object body) {
    return send(
        "PUT",
        path,
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
  }

  public ApiResponse postRaw(String path, String contentType, String body) {
    return send(
        "POST",
        path,
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** A POST with extra request headers (Origin, say). */
  public ApiResponse postWithHeaders(
      String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return send("POST", path, request);
  }

  /** A body of raw bytes (an uploaded file, say). */
  public ApiResponse postBytes(String path, String contentType, byte[] body) {
    return send(
        "POST",
        path,
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** An HTML form post, as a browser sends it ({@code application/x-www-form-urlencoded}). */
  public ApiResponse postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return postRaw(path, "application/x-www-form-urlencoded", body);
  }

  /**
   * Any method, headers and bytes, as no well-behaved client would send them (hostile-input tests).
   * A null body sends none; no Content-Type is added unless given.
   */
  public ApiResponse exchange(
      String method, String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = request(path);
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    return send(method, path, request);
  }

  private HttpRequest.Builder request(String path) {
    String url = path.startsWith("http") ? path : ItEnvironment.baseUrl() + path;
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
  }

  private ApiResponse send(String method, String path, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      ApiResponse answer =
          new ApiResponse(method, path, response.statusCode(), response.headers(), response.body());
      NoLeaks.check(
          who + ": " + method + " " + path + " (" + response.statusCode() + ")", response.body());
      return answer;
    } catch (IOException e) {
      throw new AssertionError(who + ": " + method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String toJson(Object body) {
    if (body instanceof JsonStructure json) {
      return json.toString();
    }
    if (body instanceof Map<?, ?> map) {
      return Json.createObjectBuilder((Map<String, Object>) map).build().toString();
    }
    if (body instanceof Collection<?> list) {
      return Json.createArrayBuilder(list).build().toString();
    }
    if (body instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("cannot send " + body + " as JSON");
  }

  @Override
  public String toString() {
    return "ApiClient(" + who + ")";
  }
}
