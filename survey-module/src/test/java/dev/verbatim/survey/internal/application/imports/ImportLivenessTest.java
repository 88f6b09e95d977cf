package dev.verbatim.survey.internal.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportLivenessTest {
  private static final long NOW = 1_800_000_000_000L;
  private final ImportLiveness liveness = ImportLiveness.ofSeconds(15, 120);

  @Test
  void anImportSeenWithinTheThresholdIsAliveWhicheverServerRunsIt() {
    assertThat(liveness.isStale(NOW, NOW)).isFalse();
    assertThat(liveness.isStale(NOW - 119_999, NOW)).isFalse();
    assertThat(liveness.isStale(NOW - 120_000, NOW)).as("exactly at the threshold").isFalse();
  }

  @Test
  void anImportNotSeenForLongerThanTheThresholdIsAbandoned() {
    assertThat(liveness.isStale(NOW - 120_001, NOW)).isTrue();
    assertThat(liveness.staleBefore(NOW)).isEqualTo(NOW - 120_000);
  }

  @Test
  void aThresholdShorterThanTwoHeartbeatsIsRefused() {
    assertThatThrownBy(() -> ImportLiveness.ofSeconds(15, 29))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verbatim.imports.stale-after-seconds");
    assertThat(ImportLiveness.ofSeconds(15, 30).staleAfter()).hasSeconds(30);
  }

  @Test
  void aHeartbeatIntervalOfZeroIsRefused() {
    assertThatThrownBy(() -> ImportLiveness.ofSeconds(0, 120))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verbatim.imports.heartbeat-seconds");
  }
}
