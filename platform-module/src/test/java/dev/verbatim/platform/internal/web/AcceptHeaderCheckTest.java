package dev.verbatim.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptHeaderCheckTest {
  @Test
  void browserAndClientAcceptHeadersAreWellFormed() {
    assertThat(
            AcceptHeaderCheck.wellFormed(
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
        .isTrue();
    assertThat(AcceptHeaderCheck.wellFormed("application/json")).isTrue();
    assertThat(AcceptHeaderCheck.wellFormed("application/json;q=1, text/csv;q=0")).isTrue();
    assertThat(AcceptHeaderCheck.wellFormed("text/plain; charset=utf-8")).isTrue();
  }

  @Test
  void aQualityThatIsNotANumberFromZeroToOneIsMalformed() {
    assertThat(AcceptHeaderCheck.wellFormed("*/*;q=abc")).isFalse();
    assertThat(AcceptHeaderCheck.wellFormed("application/json;q=")).isFalse();
    assertThat(AcceptHeaderCheck.wellFormed("application/json;q=2")).isFalse();
    assertThat(AcceptHeaderCheck.wellFormed("application/json;q=-0.5")).isFalse();
  }
}
