package it.load;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ItEnvironment;
import java.time.Duration;
import java.util.Map;
import load.CustomerSubmission;
import load.LoadResult;
import load.LoadRunner;
import load.MailSink;
import load.PersonalLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared load generator ({@code load.*}) on a small scale: it prepares personal links from real
 * invitation mails, submits each once through the customer's page and form, and counts what the
 * server answered.
 */
class LoadGeneratorIT {
  private static final int LINKS = 40;
  private static MailSink sink;

  @BeforeAll
  static void startSink() {
    sink = MailSink.start(ItEnvironment.smtpPort());
  }

  @AfterAll
  static void stopSink() {
    if (sink != null) {
      sink.close();
    }
  }

  @Test
  void everyPreparedLinkIsAnsweredOnceAndASecondSubmissionIsRefused() {
    PersonalLinks.Prepared prepared =
        PersonalLinks.prepare(ApiClient.admin(), sink, LINKS, Duration.ofSeconds(60));
    assertThat(prepared.tokens()).hasSize(LINKS).doesNotHaveDuplicates();

    CustomerSubmission customer = new CustomerSubmission(ItEnvironment.baseUrl(), 2);
    LoadResult first =
        LoadRunner.run(
            "first", 4, prepared.queue(), LINKS, Duration.ofSeconds(60), customer::submit);
    assertThat(first.failuresByStatus()).isEmpty();
    assertThat(first.acknowledgedTokens()).containsExactlyInAnyOrderElementsOf(prepared.tokens());
    assertThat(first.percentileMillis(50)).isPositive();

    LoadResult again =
        LoadRunner.run(
            "again", 4, prepared.queue(), LINKS, Duration.ofSeconds(60), customer::submit);
    assertThat(again.acknowledgedTokens()).as("the same links a second time").isEmpty();
    assertThat(again.failuresByStatus()).isEqualTo(Map.of(409, (long) LINKS));
  }
}
