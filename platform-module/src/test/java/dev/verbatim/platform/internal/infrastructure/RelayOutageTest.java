package dev.verbatim.platform.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayOutageTest {
  private final RelayOutage relay = new RelayOutage(10_000, 60_000);

  @Test
  void aReachableRelayNeverPauses() {
    assertThat(relay.paused(0)).isFalse();
    assertThat(relay.unreachableMillis(5_000)).isZero();
    assertThat(relay.nextProbeMillis(5_000)).isZero();
  }

  @Test
  void probesComeAtDoublingIntervalsUpToTheCap() {
    long now = 1_000_000;
    long[] intervals = new long[6];
    for (int i = 0; i < intervals.length; i++) {
      long next = relay.unreachable(now).resumeAt();
      intervals[i] = next - now;
      assertThat(relay.paused(now)).isTrue();
      assertThat(relay.paused(next - 1)).isTrue();
      assertThat(relay.paused(next)).as("the probe is due").isFalse();
      now = next;
    }
    assertThat(intervals).containsExactly(10_000, 20_000, 40_000, 60_000, 60_000, 60_000);
    assertThat(relay.unreachableMillis(now)).isEqualTo(now - 1_000_000);
  }

  @Test
  void lanesOfOneProbeFailingTogetherPauseOnce() {
    RelayOutage.Pause first = relay.unreachable(0);
    long next = first.resumeAt();
    assertThat(first.started()).isTrue();
    assertThat(relay.unreachable(5)).isEqualTo(new RelayOutage.Pause(next, false));
    assertThat(relay.unreachable(9_999)).isEqualTo(new RelayOutage.Pause(next, false));
    assertThat(relay.unreachable(next).resumeAt() - next)
        .as("the second probe waits twice as long")
        .isEqualTo(20_000);
  }

  @Test
  void aDeliveryEndsTheOutageAndTheNextOneStartsAtTheBaseAgain() {
    relay.unreachable(0);
    relay.unreachable(10_000);
    assertThat(relay.reached(10_001)).as("how long it was unreachable").isEqualTo(10_001);
    assertThat(relay.reached(10_001)).as("already reachable").isEqualTo(-1);
    assertThat(relay.paused(10_001)).isFalse();
    assertThat(relay.unreachableMillis(10_001)).isZero();

    assertThat(relay.unreachable(50_000)).isEqualTo(new RelayOutage.Pause(60_000, true));
    assertThat(relay.unreachableMillis(55_000)).isEqualTo(5_000);
    assertThat(relay.nextProbeMillis(55_000)).isEqualTo(5_000);
  }

  @Test
  void aCapBelowTheBaseIsRaisedToIt() {
    RelayOutage tight = new RelayOutage(10_000, 1_000);
    assertThat(tight.unreachable(0).resumeAt()).isEqualTo(10_000);
    assertThat(tight.unreachable(10_000).resumeAt()).isEqualTo(20_000);
  }
}
