package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.StateConflictException;
import org.junit.jupiter.api.Test;

class FollowupCaseTest {
  private static final RootCause DEFECT = new RootCause("PRODUCT_DEFECT", "Product defect", 1);

  private static FollowupCase newCase() {
    return new FollowupCase(
        "c1",
        "r1",
        "s1",
        "k1",
        "why",
        "It is slow",
        3,
        new Assignment("owner-1", null, Assignment.FALLBACK),
        SlaPolicy.DEFAULT,
        1_000L);
  }

  @Test
  void aNewCaseIsOpenAndOwned() {
    FollowupCase c = newCase();
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(c.isOwnedBy("owner-1")).isTrue();
    assertThat(c.isOwnedBy("owner-2")).isFalse();
  }

  @Test
  void theFirstReplyMarksTheCaseRepliedAndKeepsItsTime() {
    FollowupCase c = newCase();
    c.reply("Sorry, fixed now.", 5_000L);
    c.reply("One more thing.", 9_000L);
    assertThat(c.status()).isEqualTo(CaseStatus.REPLIED);
    assertThat(c.firstReplyAt()).isEqualTo(5_000L);
  }

  @Test
  void anEmptyReplyIsRejectedAndChangesNothing() {
    FollowupCase c = newCase();
    assertThatThrownBy(() -> c.reply("   ", 5_000L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("text");
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(c.firstReplyAt()).isNull();
  }

  @Test
  void closingWithoutRootCauseIsRejected() {
    FollowupCase c = newCase();
    assertThatThrownBy(() -> c.close(null, "done", 5_000L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rootCause");
    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void closingRecordsRootCauseResolutionAndTime() {
    FollowupCase c = newCase();
    c.close(DEFECT, "  Cache fixed ", 7_000L);
    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.rootCause()).isEqualTo("PRODUCT_DEFECT");
    assertThat(c.resolution()).isEqualTo("Cache fixed");
    assertThat(c.closedAt()).isEqualTo(7_000L);
  }

  @Test
  void aClosedCaseCannotBeClosedAgainOrRepliedTo() {
    FollowupCase c = newCase();
    c.close(DEFECT, null, 7_000L);
    assertThatThrownBy(() -> c.close(DEFECT, null, 8_000L))
        .isInstanceOf(StateConflictException.class);
    assertThatThrownBy(() -> c.reply("hello", 8_000L)).isInstanceOf(StateConflictException.class);
  }
}
