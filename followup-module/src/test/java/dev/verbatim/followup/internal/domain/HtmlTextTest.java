package dev.verbatim.followup.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlTextTest {

  static Stream<Arguments> htmlMails() {
    return Stream.of(
        Arguments.of(
            "paragraphs are separated by a blank line, <br> is a line break",
            "<p>Hello,</p><p>line one<br>line two<br/>line three</p>",
            "Hello,\n\nline one\nline two\nline three"),
        Arguments.of(
            "entities are decoded, named and numeric",
            "<div>Fish &amp; chips &lt;3 &quot;great&quot; &#8364;5 &#x263A; caf&eacute;&nbsp;ok</div>",
            "Fish & chips <3 \"great\" €5 ☺ café ok"),
        Arguments.of(
            "head, style and script are not text",
            "<html><head><title>x</title><style>p{color:red}</style></head>"
                + "<body><script>alert(1)</script><p>Visible</p></body></html>",
            "Visible"),
        Arguments.of(
            "source line breaks are spaces, as a browser shows them",
            "<p>one\n   two\tthree</p>",
            "one two three"),
        Arguments.of(
            "Gmail quote in a blockquote is marked with >",
            "<div dir=\"ltr\">Thanks, solved!</div><br><div class=\"gmail_quote\">"
                + "<div class=\"gmail_attr\">On Mon, 3 Nov 2025 at 10:12, Verbatim wrote:<br></div>"
                + "<blockquote class=\"gmail_quote\" style=\"margin:0\">Hello Ada,<br>sorry.</blockquote></div>",
            "Thanks, solved!\n\nOn Mon, 3 Nov 2025 at 10:12, Verbatim wrote:\n\n> Hello Ada,\n> sorry."),
        Arguments.of(
            "list items keep a dash",
            "<ul><li>first</li><li>second</li></ul>",
            "- first\n\n- second"),
        Arguments.of("an unknown entity stays as written", "a &bogus; b", "a &bogus; b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("htmlMails")
  void readsHtmlAsText(String what, String html, String expected) {
    assertThat(HtmlText.toText(html)).isEqualTo(expected);
  }

  @Test
  void aGmailHtmlReplyLosesItsQuoteAfterQuoteStripping() {
    String html =
        "<div dir=\"ltr\">Thanks, solved!</div><br><div class=\"gmail_quote\">"
            + "<div class=\"gmail_attr\">On Mon, 3 Nov 2025 at 10:12, Verbatim &lt;v@example.com&gt;"
            + " wrote:<br></div><blockquote>Hello Ada</blockquote></div>";
    assertThat(QuotedHistory.strip(HtmlText.toText(html))).isEqualTo("Thanks, solved!");
  }
}
