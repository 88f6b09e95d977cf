package it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server whose start-up fails (here: its PostgreSQL database does not exist) must not look ready:
 * Liberty starts the application, but {@code /health/ready} is DOWN with the reason in its
 * "startup" check, and every page and API call answers 503, so a load balancer sends nobody to it.
 */
class StartupFailureIT {
  private static FaultServer server;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startOnAMissingDatabase() {
    TestDatabase.PostgreSql cluster = TestDatabase.postgreSql(null);
    String missing =
        cluster.url().substring(0, cluster.url().lastIndexOf('/') + 1) + "no_such_database";
    server =
        FaultServer.fresh(
            "startup-failure",
            new TestDatabase.PostgreSql(missing, cluster.user(), cluster.password()));
    assertThatThrownBy(server::start)
        .as("the server reports its failed start-up instead of becoming ready")
        .hasMessageContaining("start-up failed");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void readinessIsDownWithTheReason() throws Exception {
    HttpResponse<String> ready = get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(503);
    String body = ready.body().replace(" ", "");
    assertThat(body).contains("\"name\":\"startup\"").contains("\"state\":\"failed\"");
    assertThat(ready.body()).as("the reason names the database").contains("no_such_database");
  }

  @Test
  void everyPageAndApiCallAnswers503WithoutAStackTrace() throws Exception {
    HttpResponse<String> api = get("/api/ping");
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(api.body()).contains("Verbatim did not start").doesNotContain("Exception");
    assertThat(api.headers().firstValue("Retry-After")).isPresent();

    HttpResponse<String> page = get("/login");
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body()).contains("Verbatim did not start").doesNotContain("at dev.verbatim");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
