package dev.verbatim.platform.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  private static MailSettings settings(String smtpHost) {
    MailSettings settings = new MailSettings();
    settings.smtpHost = Optional.ofNullable(smtpHost);
    settings.fromAddress = "feedback@acme.example";
    settings.retryBaseSeconds = 10;
    return settings;
  }

  @Test
  void retriesBackOffExponentiallyUpToAnHour() {
    MailSettings settings = settings("smtp.example");
    assertThat(settings.retryDelayMillis(0)).isEqualTo(10_000);
    assertThat(settings.retryDelayMillis(1)).isEqualTo(20_000);
    assertThat(settings.retryDelayMillis(3)).isEqualTo(80_000);
    assertThat(settings.retryDelayMillis(20)).isEqualTo(3_600_000);
  }

  @Test
  void withoutAnSmtpHostMailGoesToTheCatcher() {
    assertThat(settings(null).useMailCatcher()).isTrue();
    assertThat(settings("  ").useMailCatcher()).isTrue();
    assertThat(settings("smtp.example").useMailCatcher()).isFalse();
  }

  @Test
  void messageIdsUseTheSenderDomain() {
    assertThat(settings(null).messageIdDomain()).isEqualTo("acme.example");
  }
}
