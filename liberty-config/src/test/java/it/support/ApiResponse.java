package it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.List;

/** What came back for one request: status, content type and body as text, parsed on demand. */
public record ApiResponse(
    String method, String path, int status, HttpHeaders headers, String body) {

  public String contentType() {
    return headers.firstValue("Content-Type").orElse("");
  }

  public String location() {
    return headers.firstValue("Location").orElse(null);
  }

  public JsonObject json() {
    return parse().asJsonObject();
  }

  public JsonArray jsonArray() {
    return parse().asJsonArray();
  }

  /** The {@code field} of every entry in a problem's {@code errors}. */
  public List<String> errorFields() {
    JsonObject problem = json();
    if (!problem.containsKey("errors")) {
      return List.of();
    }
    return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  /** Asserts the status, showing the request and the body when it differs. */
  public ApiResponse expectStatus(int expected) {
    assertThat(status)
        .as("%s %s answered %s with body:%n%s", method, path, status, body)
        .isEqualTo(expected);
    return this;
  }

  /**
   * Asserts an RFC 9457 problem with this status: {@code application/problem+json} and a matching
   * {@code status} member.
   */
  public ApiResponse expectProblem(int expected) {
    expectStatus(expected);
    assertThat(contentType())
        .as("content type of %s %s", method, path)
        .startsWith("application/problem+json");
    JsonObject problem = json();
    assertThat(problem.getInt("status")).isEqualTo(expected);
    assertThat(problem.getString("title", "")).as("problem title").isNotBlank();
    assertThat(problem.getString("detail", "")).as("problem detail").isNotBlank();
    return this;
  }

  private JsonValue parse() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      throw new AssertionError(
          method + " " + path + " (" + status + ") did not answer JSON: " + body, e);
    }
  }

  @Override
  public String toString() {
    return method + " " + path + " -> " + status + " " + contentType() + "\n" + body;
  }
}
