package dev.verbatim.platform.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxLeaseTest {
  private static final long LEASE_UNTIL = 120_000;
  private static final long MARGIN = 30_000;

  @Test
  void aMessageIsSentWhileAtLeastTheMarginOfItsLeaseIsLeft() {
    assertThat(OutboxMessage.leaseLeftAtLeast(LEASE_UNTIL, MARGIN, 0)).isTrue();
    assertThat(OutboxMessage.leaseLeftAtLeast(LEASE_UNTIL, MARGIN, 90_000)).isTrue();
  }

  @Test
  void aMessageWhoseLeaseIsNearlyOverOrGoneIsLeftForTheNextClaim() {
    assertThat(OutboxMessage.leaseLeftAtLeast(LEASE_UNTIL, MARGIN, 90_001)).isFalse();
    assertThat(OutboxMessage.leaseLeftAtLeast(LEASE_UNTIL, MARGIN, 130_000)).isFalse();
  }

  @Test
  void aMessageThatWasNeverLeasedIsNotSent() {
    assertThat(OutboxMessage.leaseLeftAtLeast(null, MARGIN, 0)).isFalse();
  }
}
