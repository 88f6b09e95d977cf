package dev.verbatim.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossOriginApiFilterTest {
  private static final String BASE = "https://survey.example.com/";

  @Test
  void aPageOfTheServerItselfIsTheSameOrigin() {
    assertThat(CrossOriginApiFilter.sameOrigin("http://localhost:9580", "localhost:9580", BASE))
        .isTrue();
    assertThat(CrossOriginApiFilter.sameOrigin("https://survey.example.com", "10.0.0.5:9080", BASE))
        .as("behind a proxy: the public base URL")
        .isTrue();
  }

  @Test
  void anotherSiteOrAnOpaqueOriginIsNot() {
    assertThat(CrossOriginApiFilter.sameOrigin("https://evil.example", "localhost:9580", BASE))
        .isFalse();
    assertThat(CrossOriginApiFilter.sameOrigin("http://localhost:9581", "localhost:9580", BASE))
        .isFalse();
    assertThat(CrossOriginApiFilter.sameOrigin("null", "localhost:9580", BASE)).isFalse();
    assertThat(CrossOriginApiFilter.sameOrigin("http://survey.example.com", "x", BASE))
        .as("the public base URL's scheme counts")
        .isFalse();
  }
}
