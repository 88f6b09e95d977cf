package it.load;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import org.junit.jupiter.api.Test;

/** The probe a load balancer (and the throughput benchmark's ceiling) calls. */
class PingIT {
  @Test
  void pingAnswersNoContentWithoutALogin() {
    ApiResponse ping = ApiClient.anonymous().get("/api/ping");
    ping.expectStatus(204);
    assertThat(ping.body()).isEmpty();
  }
}
