package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvitationRemindersTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long SENT = 100 * DAY;

  private static Invitation invitation() {
    return new Invitation("i", "s", "d", "c", "hash", SENT);
  }

  @Test
  void aReminderIsDueAfterTheWaitAndNotBefore() {
    Invitation invitation = invitation();
    assertThat(invitation.reminderDue(SENT + 3 * DAY - 1, 3 * DAY, 1)).isFalse();
    assertThat(invitation.reminderDue(SENT + 3 * DAY, 3 * DAY, 1)).isTrue();
  }

  @Test
  void atMostMaxRemindersEachAfterTheWaitSinceTheLastOne() {
    Invitation invitation = invitation();
    invitation.recordReminder(SENT + 3 * DAY);
    assertThat(invitation.reminderDue(SENT + 10 * DAY, 3 * DAY, 1)).isFalse();
    assertThat(invitation.reminderDue(SENT + 5 * DAY, 3 * DAY, 2)).isFalse();
    assertThat(invitation.reminderDue(SENT + 6 * DAY, 3 * DAY, 2)).isTrue();
    assertThat(invitation.remindersSent()).isEqualTo(1);
  }

  @Test
  void noReminderAfterAnAnswerOrABounce() {
    Invitation answered = invitation();
    answered.markAnswered(SENT + DAY);
    assertThat(answered.reminderDue(SENT + 9 * DAY, 3 * DAY, 1)).isFalse();
    Invitation bounced = invitation();
    bounced.markBounced(SENT + DAY);
    assertThat(bounced.reminderDue(SENT + 9 * DAY, 3 * DAY, 1)).isFalse();
  }

  @Test
  void theDerivedTokenIsTheInvitationsOwnLinkAndShapedLikeOne() {
    InvitationTokenKey key = new InvitationTokenKey(new byte[32]);
    String token = key.tokenFor("invitation-1");
    assertThat(InvitationTokens.wellFormed(token)).isTrue();
    assertThat(key.tokenFor("invitation-1")).isEqualTo(token);
    assertThat(key.tokenFor("invitation-2")).isNotEqualTo(token);
    Invitation invitation =
        new Invitation("invitation-1", "s", "d", "c", InvitationTokens.hash(token), 0);
    assertThat(invitation.isReachedBy(token)).isTrue();
    assertThat(invitation.isReachedBy(key.tokenFor("invitation-2"))).isFalse();
  }
}
