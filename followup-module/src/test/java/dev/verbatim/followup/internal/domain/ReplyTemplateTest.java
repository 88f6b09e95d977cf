package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyTemplateTest {
  private static final ReplyTemplate.Values VALUES =
      new ReplyTemplate.Values("Ada Lovelace", "Checkout survey", "Too slow $1 \\o/", "Olivia");

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("Hi {{customer.name}},", "Hi Ada Lovelace,"),
        Arguments.of("Hi {customerName},", "Hi Ada Lovelace,"),
        Arguments.of(
            "About {{ survey.title }} / {surveyTitle}", "About Checkout survey / Checkout survey"),
        Arguments.of(
            "You wrote: {{comment}} / {comment}", "You wrote: Too slow $1 \\o/ / Too slow $1 \\o/"),
        Arguments.of("— {{owner.name}} ({ownerName})", "— Olivia (Olivia)"),
        Arguments.of("No placeholders", "No placeholders"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void fillsPlaceholdersInEitherStyle(String body, String expected) {
    assertThat(new ReplyTemplate("t", "name", body, 0L).render(VALUES)).isEqualTo(expected);
  }

  @Test
  void anUnknownPlaceholderIsRejectedNamingIt() {
    assertThatThrownBy(() -> new ReplyTemplate("t", "name", "Hi {{customer.phone}}", 0L))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("{{customer.phone}}");
  }

  @Test
  void aTemplateNeedsANameAndABody() {
    assertThatThrownBy(() -> new ReplyTemplate("t", " ", "body", 0L))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new ReplyTemplate("t", "name", "", 0L))
        .isInstanceOf(InvalidInputException.class);
  }
}
