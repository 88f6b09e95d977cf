package dev.verbatim.platform.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MissBudgetTest {
  private static final long MINUTE = 60_000;

  @Test
  void anAddressMayMissUpToTheBurstThenWaits() {
    MissBudget budget = new MissBudget(3, 6);
    for (int i = 0; i < 3; i++) {
      assertThat(budget.secondsUntilAllowed("10.0.0.1", 0)).isZero();
      budget.miss("10.0.0.1", 0);
    }
    assertThat(budget.secondsUntilAllowed("10.0.0.1", 0)).as("one miss per 10 s").isEqualTo(10);
  }

  @Test
  void theBudgetRefillsWithTime() {
    MissBudget budget = new MissBudget(2, 6);
    budget.miss("10.0.0.1", 0);
    budget.miss("10.0.0.1", 0);

    assertThat(budget.secondsUntilAllowed("10.0.0.1", 9_000)).isEqualTo(1);
    assertThat(budget.secondsUntilAllowed("10.0.0.1", 10_000)).isZero();
    assertThat(budget.secondsUntilAllowed("10.0.0.1", 5 * MINUTE)).isZero();
  }

  @Test
  void oneAddressMissingNeverBlocksAnother() {
    MissBudget budget = new MissBudget(1, 1);
    budget.miss("10.0.0.1", 0);

    assertThat(budget.secondsUntilAllowed("10.0.0.1", 0)).isPositive();
    assertThat(budget.secondsUntilAllowed("10.0.0.2", 0)).isZero();
  }

  @Test
  void anAddressThatNeverMissedIsNeverTracked() {
    MissBudget budget = new MissBudget(1, 1);
    for (int i = 0; i < 1_000; i++) {
      assertThat(budget.secondsUntilAllowed("10.0.0.1", i)).isZero();
    }
    assertThat(budget.trackedAddresses()).isZero();
  }

  @Test
  void forwardedForIsBelievedOnlyFromATrustedProxy() {
    Set<String> proxies = Set.of("10.0.0.9");

    assertThat(RateLimitSettings.clientAddress("10.0.0.9", "6.6.6.6, 203.0.113.5", proxies))
        .isEqualTo("203.0.113.5");
    assertThat(RateLimitSettings.clientAddress("198.51.100.7", "203.0.113.5", proxies))
        .as("a client cannot pick its own address")
        .isEqualTo("198.51.100.7");
    assertThat(RateLimitSettings.clientAddress("10.0.0.9", null, proxies)).isEqualTo("10.0.0.9");
  }
}
