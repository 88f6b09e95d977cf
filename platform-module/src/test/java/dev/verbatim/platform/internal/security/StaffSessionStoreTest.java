package dev.verbatim.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffSessionStoreTest {

  @Test
  void theTableHoldsAHashOfTheSessionIdNeverTheIdItself() {
    String id = SessionSigner.randomValue();

    assertThat(StaffSessionStore.stored(id))
        .isNotEqualTo(id)
        .isEqualTo(StaffSessionStore.stored(id))
        .hasSize(43)
        .isNotEqualTo(StaffSessionStore.stored(SessionSigner.randomValue()));
  }
}
