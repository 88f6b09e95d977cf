package dev.verbatim.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundMailTest {

  @Test
  void lineBreaksInSubjectOrNameCannotStartANewHeader() {
    OutboundMail mail =
        OutboundMail.of(
            "test",
            "a@example.com",
            "Eve\r\nBcc: victim@example.com",
            "Hello\nX-Injected: yes",
            "body",
            null);
    assertThat(mail.subject()).isEqualTo("Hello X-Injected: yes").doesNotContain("\n");
    assertThat(mail.toName()).isEqualTo("Eve Bcc: victim@example.com").doesNotContain("\r");
  }

  @Test
  void veryLongHeaderValuesAreCut() {
    assertThat(OutboundMail.headerSafe("x".repeat(500))).hasSize(200);
  }
}
