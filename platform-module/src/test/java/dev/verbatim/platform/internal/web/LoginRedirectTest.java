package dev.verbatim.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginRedirectTest {

  @ParameterizedTest(name = "next={0} -> {1}")
  @CsvSource({
    "/app/cases/42, /app/cases/42",
    "/app/reports?x=1, /app/reports?x=1",
    "https://evil.example/, /app",
    "//evil.example/, /app",
    "/\\evil.example, /app",
    "/login, /app",
    "'', /app"
  })
  void afterLoginOnlySameSitePathsAreFollowed(String next, String expected) {
    assertThat(LoginPage.safeNext(next)).isEqualTo(expected);
  }
}
