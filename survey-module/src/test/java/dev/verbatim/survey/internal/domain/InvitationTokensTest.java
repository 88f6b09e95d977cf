package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationTokensTest {

  @Test
  void aTokenCarriesAtLeast128RandomBitsAndIsUrlSafe() {
    String token = InvitationTokens.newToken();
    assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(InvitationTokens.wellFormed(token)).isTrue();
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(InvitationTokens.newToken())).isTrue();
    }
  }

  @Test
  void onlyAHashIsStoredAndItIsStableAndNotTheToken() {
    String token = InvitationTokens.newToken();
    String hash = InvitationTokens.hash(token);
    assertThat(hash)
        .hasSize(64)
        .matches("[0-9a-f]+")
        .isEqualTo(InvitationTokens.hash(token))
        .doesNotContain(token);
    assertThat(InvitationTokens.hash(InvitationTokens.newToken())).isNotEqualTo(hash);
  }

  @Test
  void malformedTokensAreRecognisedBeforeAnyLookup() {
    assertThat(InvitationTokens.wellFormed(null)).isFalse();
    assertThat(InvitationTokens.wellFormed("short")).isFalse();
    assertThat(InvitationTokens.wellFormed("x".repeat(42) + "!")).isFalse();
    assertThat(InvitationTokens.wellFormed("' OR 1=1 --" + "a".repeat(32))).isFalse();
  }
}
