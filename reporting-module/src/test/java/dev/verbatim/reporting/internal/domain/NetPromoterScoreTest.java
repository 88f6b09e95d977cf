package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetPromoterScoreTest {

  @ParameterizedTest(name = "{0} promoters, {1} passives, {2} detractors -> NPS {3}")
  @CsvSource({
    // hand-computed: (P - D) / N * 100, one decimal
    "1, 0, 0, 100.0",
    "0, 0, 1, -100.0",
    "0, 1, 0, 0.0",
    "5, 3, 2, 30.0",
    "1, 1, 1, 0.0",
    "2, 0, 1, 33.3",
    "1, 0, 2, -33.3",
    "70, 20, 10, 60.0",
    "2, 1, 0, 66.7"
  })
  void npsIsPromotersShareMinusDetractorsShare(
      long promoters, long passives, long detractors, double expected) {
    assertThat(new NetPromoterScore(promoters, passives, detractors).score()).isEqualTo(expected);
  }

  @Test
  void withNoAnswersThereIsNoScoreRatherThanNaN() {
    NetPromoterScore none = new NetPromoterScore(0, 0, 0);
    assertThat(none.score()).isNull();
    assertThat(none.answered()).isZero();
  }

  @Test
  void negativeCountsAreAProgrammingError() {
    assertThatThrownBy(() -> new NetPromoterScore(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
