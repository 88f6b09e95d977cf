package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitedTest {

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({
    "0, less than a minute",
    "59999, less than a minute",
    "60000, 1 min",
    "10740000, 2 h 59 min",
    "187200000, 2 d 4 h",
    "-5, less than a minute"
  })
  void durationsReadAsPeopleSayThem(long millis, String expected) {
    assertThat(Waited.human(millis)).isEqualTo(expected);
  }
}
