package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationTokenKeyTest {

  @Test
  void aDerivedLinkTokenCarries256BitsInTheShapeOfARandomOne() {
    String token = new InvitationTokenKey(key()).tokenFor(UUID.randomUUID().toString());

    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    assertThat(InvitationTokens.wellFormed(token)).isTrue();
  }

  @Test
  void theSameInvitationGetsTheSameLinkOnlyUnderTheSameKey() {
    String invitation = UUID.randomUUID().toString();
    InvitationTokenKey key = new InvitationTokenKey(key());

    assertThat(key.tokenFor(invitation)).isEqualTo(key.tokenFor(invitation));
    assertThat(key.tokenFor(UUID.randomUUID().toString())).isNotEqualTo(key.tokenFor(invitation));
    assertThat(new InvitationTokenKey(key()).tokenFor(invitation))
        .isNotEqualTo(key.tokenFor(invitation));
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new InvitationTokenKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
