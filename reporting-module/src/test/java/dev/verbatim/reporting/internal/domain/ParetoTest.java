package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.reporting.internal.domain.Pareto.Bar;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoTest {

  @Test
  void mostFrequentFirstWithShareAndCumulativeShare() {
    assertThat(Pareto.of(Map.of("PRICE", 1L, "DELIVERY", 4L, "DEFECT", 2L, "BILLING", 2L)))
        .containsExactly(
            new Bar("DELIVERY", 4, 44.4, 44.4),
            new Bar("BILLING", 2, 22.2, 66.7),
            new Bar("DEFECT", 2, 22.2, 88.9),
            new Bar("PRICE", 1, 11.1, 100.0));
  }

  @Test
  void nothingClosedGivesNoBars() {
    assertThat(Pareto.of(Map.of())).isEmpty();
  }
}
