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
}
