package dev.verbatim.survey.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.platform.api.FieldError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactInputTest {

  @Test
  void aGoodContactHasNoProblems() {
    assertThat(new ContactInput("ann@example.com", "Ann", Map.of("region", "EMEA")).problems(""))
        .isEmpty();
  }

  @Test
  void problemsAreNamedWithThePrefixOfTheirPositionInABulkRequest() {
    assertThat(new ContactInput("not-an-email", null, Map.of("9lives", "x")).problems("[3]."))
        .extracting(FieldError::field)
        .containsExactly("[3].email", "[3].attributes");
  }

  @Test
  void emailsAreComparedIgnoringCase() {
    assertThat(Contact.keyOf(" Ann@Example.COM ")).isEqualTo(Contact.keyOf("ann@example.com"));
  }
}
