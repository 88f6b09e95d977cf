package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuotedHistoryTest {

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of(
            "Gmail: 'On … wrote:' then > quotes",
            """
            Thanks Olivia, the refund arrived today.

            Ada

            On Mon, 3 Nov 2025 at 10:12, Verbatim <verbatim@example.com> wrote:
            > Hello Ada,
            >
            > I am sorry about the delay.
            """,
            "Thanks Olivia, the refund arrived today.\n\nAda"),
        Arguments.of(
            "Gmail wraps a long attribution line over two lines",
            """
            Yes, that works for me.

            On Tue, Nov 4, 2025 at 9:01 AM Olivia Owner from Verbatim <
            reply+0123456789abcdef0123456789abcdef@example.com> wrote:

            > Would Thursday suit you?
            """,
            "Yes, that works for me."),
        Arguments.of(
            "Apple Mail: attribution, blank line, quotes, and 'Sent from my iPhone'",
            """
            Still broken, I am afraid.

            Sent from my iPhone

            > On 4 Nov 2025, at 09:01, Verbatim <verbatim@example.com> wrote:
            >
            > Could you try again?
            """,
            "Still broken, I am afraid."),
        Arguments.of(
            "Outlook desktop: -----Original Message-----",
            """
            Please call me instead.

            -----Original Message-----
            From: Verbatim <verbatim@example.com>
            Sent: Tuesday, November 4, 2025 9:01 AM
            To: Grace Hopper <grace@example.com>
            Subject: Re: your feedback

            Could you tell us more?
            """,
            "Please call me instead."),
        Arguments.of(
            "Outlook web: underscore rule, From:/Sent: block without > marks",
            """
            The new invoice is fine, thank you.

            ________________________________
            From: Verbatim <verbatim@example.com>
            Sent: Wednesday, 5 November 2025 14:02
            To: Linus <linus@example.com>
            Subject: Re: your feedback on Checkout

            Hello Linus, here is the corrected invoice.
            """,
            "The new invoice is fine, thank you."),
        Arguments.of(
            "Outlook mobile: bold From:/Date: block",
            """
            Ok!

            Get Outlook for Android
            From: Verbatim <verbatim@example.com>
            Date: Wednesday, 5 November 2025 at 14:02
            To: Linus
            """,
            "Ok!"),
        Arguments.of(
            "Signature after '-- ' is cut",
            "I would like a refund.\n\n-- \nMargaret Hamilton\nApollo Ltd\n+44 20 7946 0000\n",
            "I would like a refund."),
        Arguments.of(
            "Inline answers between quotes keep the customer's lines only",
            "> Did the courier call you?\nNo, nobody called.\n> And the parcel?\nStill missing.\n",
            "No, nobody called.\nStill missing."),
        Arguments.of(
            "German client: 'Am … schrieb …:'",
            "Danke, alles gut.\n\nAm 05.11.2025 um 14:02 schrieb Verbatim <verbatim@example.com>:\n> Hallo\n",
            "Danke, alles gut."),
        Arguments.of(
            "A mail that is all quote keeps its text rather than losing it",
            "> only a quote\n",
            "> only a quote"),
        Arguments.of(
            "A plain mail with a line starting 'On' is not cut",
            "On second thought, the app is great.\nThanks!",
            "On second thought, the app is great.\nThanks!"),
        Arguments.of(
            "Windows line endings",
            "Fine by me.\r\n\r\nOn Mon, 3 Nov 2025, Verbatim wrote:\r\n> Hi\r\n",
            "Fine by me."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void keepsOnlyTheCustomersNewWords(String client, String mail, String expected) {
    assertThat(QuotedHistory.strip(mail)).isEqualTo(expected);
  }
}
