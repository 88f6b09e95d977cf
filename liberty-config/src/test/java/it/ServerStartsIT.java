package it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ServerStartsIT {
  private static final String BASE =
      System.getProperty("verbatim.baseUrl", "http://localhost:9180");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theLoginPageAndTheHealthEndpointAnswer() throws Exception {
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("Log in to Verbatim");
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }
}
