package dev.verbatim.platform.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeMessagesTest {
  private final MimeMessages mime = new MimeMessages();

  MimeMessagesTest() {
    MailSettings settings = new MailSettings();
    settings.smtpHost = Optional.empty();
    settings.fromAddress = "feedback@acme.example";
    settings.fromName = "Verbatim";
    mime.settings = settings;
  }

  private MimeMessage build(OutboundMail mail) throws Exception {
    return mime.build(
        Session.getInstance(new Properties()), new OutboxMessage("id", "<id@acme>", mail, 0));
  }

  private static OutboundMail invitation() {
    return OutboundMail.of(
        "invitation", "ann@example.com", "Ann", "How did we do?", "text", "<p>html</p>");
  }

  @Test
  void anUnsubscribableMailCarriesTheOneClickHeadersOfRfc8058() throws Exception {
    MimeMessage message = build(invitation().unsubscribableAt("https://acme.example/u/abc"));
    assertThat(message.getHeader("List-Unsubscribe", null))
        .isEqualTo("<https://acme.example/u/abc>");
    assertThat(message.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
  }

  @Test
  void otherMailHasNoUnsubscribeHeaders() throws Exception {
    MimeMessage message = build(invitation());
    assertThat(message.getHeader("List-Unsubscribe")).isNull();
    assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
  }

  @Test
  void theSenderNameOfTheMailIsTheFromDisplayNameWithTheConfiguredAddress() throws Exception {
    MimeMessage message = build(invitation().sentAs("Åsa at Acme"));
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getPersonal()).isEqualTo("Åsa at Acme");
    assertThat(from.getAddress()).isEqualTo("feedback@acme.example");
    assertThat(((InternetAddress) build(invitation()).getFrom()[0]).getPersonal())
        .isEqualTo("Verbatim");
  }

  @Test
  void textAndHtmlAreUtf8AlternativesTextFirst() throws Exception {
    MimeMessage message = build(invitation());
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getBodyPart(0).getContentType()).contains("text/plain").contains("UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).contains("text/html").contains("UTF-8");
  }

  @Test
  void anUnsubscribeUrlThatCouldBreakTheHeaderIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> invitation().unsubscribableAt("https://x.example/u/a>, <mailto:evil@x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asciiPartsGoAs7bitAndOthersAsQuotedPrintableThatDecodesToTheSameText() throws Exception {
    String text = "Grüße, Åsa — merci ✓\nsecond line";
    String html = "<p>" + "x".repeat(1_200) + "</p>";
    MimeMessage written =
        roundTrip(
            build(
                OutboundMail.of(
                    "invitation", "ann@example.com", "Ann", "How did we do?", text, html)));
    MimeMultipart parts = (MimeMultipart) written.getContent();
    assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding"))
        .containsExactly("quoted-printable");
    assertThat(lines(parts.getBodyPart(0).getContent())).isEqualTo(text);
    assertThat(parts.getBodyPart(1).getHeader("Content-Transfer-Encoding"))
        .as("a line longer than SMTP's 998")
        .containsExactly("quoted-printable");
    assertThat(lines(parts.getBodyPart(1).getContent())).isEqualTo(html);

    MimeMultipart plain = (MimeMultipart) roundTrip(build(invitation())).getContent();
    assertThat(plain.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
    assertThat(plain.getBodyPart(0).getContent()).isEqualTo("text");
  }

  @Test
  void theTransferEncodingIsChosenFromTheCharactersAndLineLengths() {
    assertThat(MimeMessages.transferEncoding("plain\r\nascii\n")).isEqualTo("7bit");
    assertThat(MimeMessages.transferEncoding("a".repeat(998))).isEqualTo("7bit");
    assertThat(MimeMessages.transferEncoding("a".repeat(999))).isEqualTo("quoted-printable");
    assertThat(MimeMessages.transferEncoding("bare\rreturn")).isEqualTo("quoted-printable");
    assertThat(MimeMessages.transferEncoding("café")).isEqualTo("quoted-printable");
    assertThat(MimeMessages.transferEncoding("")).isEqualTo("7bit");
  }

  /** Text parts travel with CRLF line ends (RFC 5322); the mail client shows the same lines. */
  private static String lines(Object content) {
    return ((String) content).replace("\r\n", "\n");
  }

  private static MimeMessage roundTrip(MimeMessage message) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    message.writeTo(bytes);
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new java.io.ByteArrayInputStream(bytes.toByteArray()));
  }
}
