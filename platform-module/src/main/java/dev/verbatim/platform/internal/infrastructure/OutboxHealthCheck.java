package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.HealthDown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Outbound mail queue depth, retries, backoff and failures. Stays UP while the database answers,
 * even when the SMTP server is down: the mail waits safely in the outbox, and taking this server
 * out of the load balancer would only stop customers from answering as well. Alert on the details
 * (or the {@code verbatim_outbox_*} metrics) instead.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
  @Inject OutboxMetrics metrics;
  @Inject MailSettings settings;
  @Inject RelayOutage relay;
  @Inject Clock clock;

  @Override
  public HealthCheckResponse call() {
    try {
      return measure();
    } catch (RuntimeException unreadable) {
      return HealthDown.because("outbox", unreadable);
    }
  }

  private HealthCheckResponse measure() {
    OutboxSnapshot outbox = metrics.snapshot();
    long now = clock.millis();
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("outbox")
            .up()
            .withData("transport", settings.useMailCatcher() ? "mail-catcher" : "smtp")
            .withData("pending", outbox.pending())
            .withData("retrying", outbox.retrying())
            .withData("failed", outbox.failed())
            .withData("oldestPendingSeconds", outbox.oldestPendingSeconds())
            .withData("nextRetryInSeconds", outbox.nextRetrySeconds())
            .withData("highestAttempts", outbox.highestAttempts())
            .withData("maxAttempts", settings.maxAttempts())
            .withData("retryBaseSeconds", settings.retryBaseSeconds())
            .withData("relayUnreachableSeconds", relay.unreachableMillis(now) / 1000)
            .withData("nextRelayProbeInSeconds", relay.nextProbeMillis(now) / 1000);
    metrics
        .lastAttemptDelivered()
        .ifPresent(delivered -> health.withData("lastAttemptDelivered", delivered));
    return health.build();
  }
}
