package it.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an operator sees of the fault server: {@code /health/ready} and {@code /metrics}. */
public final class Observed {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Observed() {}

  /** The data of the readiness checks "outbox" and "module-events", and the overall status. */
  public record Readiness(
      int httpStatus, String status, JsonObject outbox, JsonObject events, JsonObject startup) {}

  public static Readiness readiness(FaultServer server) {
    return readiness(server.baseUrl());
  }

  /** The readiness of the server at {@code baseUrl}. */
  public static Readiness readiness(String baseUrl) {
    HttpResponse<String> response = get(baseUrl + "/health/ready");
    JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
    return new Readiness(
        response.statusCode(),
        health.getString("status"),
        check(health, "outbox"),
        check(health, "module-events"),
        check(health, "startup"));
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> name.equals(check.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " check in " + health))
        .getJsonObject("data");
  }

  /** The Prometheus text of {@code /metrics?scope=application}. */
  public static String metrics(FaultServer server) {
    HttpResponse<String> response = get(server.baseUrl() + "/metrics?scope=application");
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "/metrics answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** The value of the first sample of {@code name} (with or without labels). */
  public static OptionalDouble sample(String metrics, String name) {
    Matcher sample =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})?\\s+(\\S+)")
            .matcher(metrics);
    return sample.find()
        ? OptionalDouble.of(Double.parseDouble(sample.group(1)))
        : OptionalDouble.empty();
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
