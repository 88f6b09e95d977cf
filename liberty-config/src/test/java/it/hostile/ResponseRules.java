package it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/**
 * What every answer to hostile input must look like: never a 5xx, never internals, and on the API a
 * problem+json for every 4xx, naming the field when the problem is a field.
 */
public final class ResponseRules {
  /** On top of it.support.NoLeaks (which ApiClient already applies to every body). */
  private static final List<String> INTERNALS =
      List.of("Exception", "at dev.verbatim", "java.lang", "SRVE", "jakarta.", "Caused by");

  private ResponseRules() {}

  /** Asserts the rules; {@code input} describes what was sent, for the failure message. */
  public static void check(ApiResponse response, String input) {
    assertThat(response.status())
        .as("no 5xx for %s; body:%n%s", input, abbreviate(response.body()))
        .isLessThan(500);
    String body = response.body() == null ? "" : response.body();
    for (String internal : INTERNALS) {
      assertThat(body)
          .as("internals (%s) in the answer to %s", internal, input)
          .doesNotContain(internal);
    }
    boolean api = response.path().startsWith("/api/");
    if (rejectedByContainer(response)) {
      return;
    }
    if (api && response.status() >= 400) {
      assertThat(response.contentType())
          .as("problem+json for %s (%s)", input, response.status())
          .startsWith("application/problem+json");
      JsonObject problem = Json.createReader(new StringReader(body)).readObject();
      assertThat(problem.getInt("status"))
          .as("problem status for %s", input)
          .isEqualTo(response.status());
      if (problem.containsKey("errors")) {
        problem
            .getJsonArray("errors")
            .getValuesAs(JsonObject.class)
            .forEach(
                e ->
                    assertThat(e.getString("field", ""))
                        .as("each field error names its field (%s)", input)
                        .isNotBlank());
      }
    }
  }

  /**
   * Liberty itself refuses a request line it cannot decode (an encoded NUL in the path, say) with a
   * 400 and its own one-line message (HTML or JSON), before any application code runs: nothing the
   * application can shape, and nothing that reached it.
   */
  public static boolean rejectedByContainer(ApiResponse response) {
    return response.status() == 400
        && response.body() != null
        && response.body().contains("CWWWC0005I: The request URI has invalid or improperly");
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }
}
