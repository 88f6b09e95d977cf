package dev.verbatim.platform.internal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outbound mail settings (MicroProfile Config; environment variables such as VERBATIM_SMTP_HOST in
 * production).
 */
@ApplicationScoped
public class MailSettings {
  @Inject
  @ConfigProperty(name = "verbatim.smtp.host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "verbatim.mail.from", defaultValue = "verbatim@localhost")
  String fromAddress;

  @Inject
  @ConfigProperty(name = "verbatim.mail.from-name", defaultValue = "Verbatim")
  String fromName;

  @Inject
  @ConfigProperty(name = "verbatim.outbox.retry-base-seconds", defaultValue = "10")
  int retryBaseSeconds;

  @Inject
  @ConfigProperty(name = "verbatim.outbox.max-attempts", defaultValue = "12")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "verbatim.outbox.relay-probe-max-seconds", defaultValue = "60")
  int relayProbeMaxSeconds;

  @Inject
  @ConfigProperty(name = "verbatim.outbox.poll-millis", defaultValue = "2000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "verbatim.outbox.lease-seconds", defaultValue = "120")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "verbatim.outbox.connections", defaultValue = "4")
  int connections;

  /**
   * Without an SMTP host, mail is kept by the built-in catcher and shown on the admin mailbox page.
   */
  public boolean useMailCatcher() {
    return smtpHost.map(String::isBlank).orElse(true);
  }

  public String fromAddress() {
    return fromAddress;
  }

  public String fromName() {
    return fromName;
  }

  public String messageIdDomain() {
    int at = fromAddress.indexOf('@');
    return at < 0 ? "verbatim.local" : fromAddress.substring(at + 1);
  }

  /** Exponential backoff: base, 2x base, 4x base ... capped at one hour. */
  public long retryDelayMillis(int attemptsSoFar) {
    long delay = retryBaseSeconds * 1000L * (1L << Math.min(attemptsSoFar, 16));
    return Math.min(delay, 3_600_000L);
  }

  /**
   * While the relay is unreachable one batch probes it, first after the retry base, then at double
   * the interval up to {@code verbatim.outbox.relay-probe-max-seconds}: after an outage mail flows
   * again within that long.
   */
  @Produces
  @Singleton
  RelayOutage relayOutage() {
    return new RelayOutage(retryBaseSeconds * 1000L, relayProbeMaxSeconds * 1000L);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * How long a claimed batch is reserved for the server that claimed it; after a crash its messages
   * are sent again once the lease runs out. Must exceed the time one batch takes to send.
   */
  public long leaseMillis() {
    return leaseSeconds * 1000;
  }

  public int retryBaseSeconds() {
    return retryBaseSeconds;
  }

  /** SMTP connections the drainer sends over at once (at least one). */
  public int connections() {
    return Math.max(1, connections);
  }

  public long pollMillis() {
    return pollMillis;
  }
}
