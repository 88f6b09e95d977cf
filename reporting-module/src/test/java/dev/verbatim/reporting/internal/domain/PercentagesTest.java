package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentagesTest {

  @Test
  void sharesAreRoundedToOneDecimal() {
    assertThat(Percentages.of(1, 3)).isEqualTo(33.3);
    assertThat(Percentages.of(2, 3)).isEqualTo(66.7);
    assertThat(Percentages.of(3, 3)).isEqualTo(100.0);
    assertThat(Percentages.of(0, 7)).isEqualTo(0.0);
  }

  @Test
  void nothingToDivideByGivesNoShare() {
    assertThat(Percentages.of(0, 0)).isNull();
  }
}
