package dev.verbatim.survey.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Bounce reports as real servers write them (test resources /bounces/*.eml). */
class DeliveryStatusReportTest {

  private static Optional<DeliveryStatusReport> read(String sample) throws Exception {
    try (InputStream in =
        DeliveryStatusReportTest.class.getResourceAsStream("/bounces/" + sample)) {
      return DeliveryStatusReport.read(new MimeMessage(Session.getInstance(new Properties()), in));
    }
  }

  @Test
  void postfixReportNamesTheRecipientTheStatusAndTheOriginalMessageId() throws Exception {
    DeliveryStatusReport report = read("postfix.eml").orElseThrow();
    assertThat(report.recipient()).isEqualTo("gone@customer.example");
    assertThat(report.status()).isEqualTo("5.1.1");
    assertThat(report.action()).isEqualTo("failed");
    assertThat(report.permanent()).isTrue();
    assertThat(report.originalMessageId())
        .isEqualTo("<7d1c2f0e-1111-4a4a-9e9e-0123456789ab@acme.example>");
    assertThat(report.diagnostic()).contains("550 5.1.1");
  }

  @Test
  void gmailReportNestedInRelatedPartsIsReadAndTheAddressLowerCased() throws Exception {
    DeliveryStatusReport report = read("gmail.eml").orElseThrow();
    assertThat(report.recipient()).isEqualTo("nobody.here@gmail.com");
    assertThat(report.permanent()).isTrue();
    assertThat(report.originalMessageId())
        .isEqualTo("<c0ffee00-2222-4b4b-8f8f-0123456789ab@acme.example>");
  }

  @Test
  void aDelayNoticeIsAReportButNotPermanent() throws Exception {
    DeliveryStatusReport report = read("delayed.eml").orElseThrow();
    assertThat(report.recipient()).isEqualTo("slow@customer.example");
    assertThat(report.status()).isEqualTo("4.4.1");
    assertThat(report.permanent()).isFalse();
  }

  @Test
  void aPlainTextNonStandardBounceWithOriginalRecipientAndActionFailedIsPermanent()
      throws Exception {
    DeliveryStatusReport report = read("exchange-text.eml").orElseThrow();
    assertThat(report.recipient()).isEqualTo("left.company@corp.example");
    assertThat(report.permanent()).isTrue();
    assertThat(report.originalMessageId())
        .isEqualTo("<abad1dea-3333-4c4c-9d9d-0123456789ab@acme.example>");
  }

  @Test
  void aCustomersOrdinaryMailIsNoReport() throws Exception {
    assertThat(read("not-a-bounce.eml")).isEmpty();
  }
}
