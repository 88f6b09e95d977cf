package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyAddressTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  static Stream<Arguments> recipients() {
    return Stream.of(
        Arguments.of("plain address", List.of("reply+" + TOKEN + "@example.com"), TOKEN),
        Arguments.of(
            "with a display name",
            List.of("\"Verbatim\" <reply+" + TOKEN + "@example.com>"),
            TOKEN),
        Arguments.of(
            "upper-cased by a mail system",
            List.of("REPLY+" + TOKEN.toUpperCase() + "@EXAMPLE.COM"),
            TOKEN),
        Arguments.of(
            "among other recipients (To then Cc)",
            List.of("ada@example.com, Bob <bob@example.com>", "reply+" + TOKEN + "@example.com"),
            TOKEN),
        Arguments.of("no reply address", List.of("replies@example.com"), null),
        Arguments.of("too short to be a token", List.of("reply+abc@example.com"), null),
        Arguments.of(
            "a look-alike local part is not a reply address",
            List.of("noreply+" + TOKEN + "@example.com"),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recipients")
  void findsTheCaseTokenInTheRecipients(String what, List<String> addresses, String expected) {
    assertThat(ReplyAddress.tokenIn(addresses)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void tokensAre128RandomBitsInLowerCaseHex() {
    String token = ReplyAddress.newToken();
    assertThat(token).matches("[0-9a-f]{32}");
    assertThat(ReplyAddress.newToken()).isNotEqualTo(token);
    assertThat(ReplyAddress.tokenIn(List.of(ReplyAddress.of(token, "example.com"))))
        .contains(token);
  }

  @Test
  void readsMessageIdsFromInReplyToAndReferences() {
    assertThat(
            ReplyAddress.messageIds(
                List.of(
                    "<a1@example.com>",
                    "<root@example.com>\r\n <a1@example.com> <b2@mail.gmail.com>",
                    "garbage without brackets")))
        .containsExactly("<a1@example.com>", "<root@example.com>", "<b2@mail.gmail.com>");
  }

  @Test
  void hugeTextIsCutWithANote() {
    String text = "x".repeat(25_000);
    String stored = InboundMail.capped(text, InboundMail.MAX_STORED);
    assertThat(stored)
        .hasSize(InboundMail.MAX_STORED)
        .endsWith("[truncated: the mail had 25000 characters]");
    assertThat(InboundMail.capped("short", InboundMail.MAX_STORED)).isEqualTo("short");
  }
}
