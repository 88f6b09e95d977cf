package dev.verbatim.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void aHashMatchesItsPasswordAndNoOther() {
    String hash = PasswordHasher.hash("correct horse battery", 1_000);
    assertThat(PasswordHasher.matches("correct horse battery", hash)).isTrue();
    assertThat(PasswordHasher.matches("correct horse batterY", hash)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
    assertThat(PasswordHasher.hash("same password", 1_000))
        .isNotEqualTo(PasswordHasher.hash("same password", 1_000));
  }

  @Test
  void theStoredFormNamesAlgorithmAndIterationsSoTheyCanBeRaisedLater() {
    assertThat(PasswordHasher.hash("pw-pw-pw-pw"))
        .startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$");
  }

  @Test
  void malformedStoredHashesNeverMatchAndNeverThrow() {
    assertThat(PasswordHasher.matches("x", "plain-text")).isFalse();
    assertThat(PasswordHasher.matches("x", "pbkdf2-sha256$abc$!!$!!")).isFalse();
    assertThat(PasswordHasher.matches(null, PasswordHasher.hash("x", 1_000))).isFalse();
    assertThat(PasswordHasher.matches("anything", PasswordHasher.DECOY)).isFalse();
  }
}
