package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplyTokensTest {
  private static final byte[] KEY = key();

  @Test
  void aTokenIs128BitsInLowerCaseHexThatTheReplyAddressRecognises() {
    String token = ReplyTokens.derive(KEY, UUID.randomUUID().toString());

    assertThat(token).hasSize(32).matches("[0-9a-f]{32}");
    assertThat(ReplyAddress.tokenIn(List.of(ReplyAddress.of(token, "example.com"))))
        .contains(token);
  }

  @Test
  void everyReplyOfACaseCarriesTheSameTokenAndEveryCaseItsOwn() {
    String caseId = UUID.randomUUID().toString();
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      tokens.add(ReplyTokens.derive(KEY, UUID.randomUUID().toString()));
    }

    assertThat(ReplyTokens.derive(KEY, caseId)).isEqualTo(ReplyTokens.derive(KEY, caseId));
    assertThat(tokens).hasSize(10_000);
  }

  @Test
  void withoutTheKeyTheTokenCannotBeWorkedOutFromTheCaseId() {
    String caseId = UUID.randomUUID().toString();

    assertThat(ReplyTokens.derive(key(), caseId)).isNotEqualTo(ReplyTokens.derive(KEY, caseId));
  }

  @Test
  void whatIsStoredIsAHashThatIsNotTheToken() {
    String token = ReplyTokens.derive(KEY, UUID.randomUUID().toString());
    String hash = ReplyTokens.hash(token);

    assertThat(hash).hasSize(40).matches("[0-9a-f]+").doesNotContain(token);
    assertThat(hash.length()).isNotEqualTo(ReplyTokens.PLAIN_LENGTH);
    assertThat(ReplyTokens.hash(token)).isEqualTo(hash);
  }

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
