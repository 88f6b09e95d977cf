package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The outbox on {@code /metrics} (application scope): queue gauges read from the database, so they
 * survive restarts and count every server's mail, and delivery counters of this server since it
 * started. Gauges share one query per second however many are scraped.
 */
@ApplicationScoped
public class OutboxMetrics {
  private static final long SNAPSHOT_MILLIS = 1000;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject OutboxStore store;
  @Inject Clock clock;
  @Inject RelayOutage relay;

  private final AtomicReference<Timed> last = new AtomicReference<>();
  private volatile Boolean lastAttemptDelivered;
  private Counter sent;
  private Counter attemptsFailed;
  private Counter givenUp;

  private record Timed(long at, OutboxSnapshot snapshot) {}

  /** After the migrations: a gauge read before them would fail the whole scrape. */
  void register(@Observes SchemaReady ready) {
    gauge("verbatim.outbox.pending", "Mails queued and not yet sent", OutboxSnapshot::pending);
    gauge(
        "verbatim.outbox.retrying",
        "Queued mails that failed at least once and wait for their next attempt",
        OutboxSnapshot::retrying);
    gauge(
        "verbatim.outbox.failed",
        "Mails given up (permanent SMTP error or too many attempts)",
        OutboxSnapshot::failed);
    gaugeSeconds(
        "verbatim.outbox.oldest.pending",
        "Age of the oldest queued mail",
        OutboxSnapshot::oldestPendingSeconds);
    gaugeSeconds(
        "verbatim.outbox.next.retry",
        "Time until the earliest retry is due (retry backoff); 0 when none waits",
        OutboxSnapshot::nextRetrySeconds);
    registry.gauge(
        Metadata.builder()
            .withName("verbatim.outbox.relay.unreachable")
            .withDescription(
                "How long this server has found the SMTP relay unreachable; 0 while it is reachable")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        () -> relay.unreachableMillis(clock.millis()) / 1000);
    gauge(
        "verbatim.outbox.highest.attempts",
        "The most delivery attempts any queued mail has had",
        OutboxSnapshot::highestAttempts);
    sent = counter("verbatim.outbox.sent", "Mails accepted by the SMTP server (this server)");
    attemptsFailed =
        counter(
            "verbatim.outbox.attempts.failed",
            "Delivery attempts that failed and will be retried or given up (this server)");
    givenUp = counter("verbatim.outbox.given.up", "Mails given up (this server)");
  }

  void delivered() {
    lastAttemptDelivered = true;
    if (sent != null) {
      sent.inc();
    }
  }

  void attemptFailed(boolean gaveUp) {
    lastAttemptDelivered = false;
    if (attemptsFailed != null) {
      attemptsFailed.inc();
      if (gaveUp) {
        givenUp.inc();
      }
    }
  }

  /** Whether this server's last delivery attempt succeeded; empty before the first one. */
  public java.util.Optional<Boolean> lastAttemptDelivered() {
    return java.util.Optional.ofNullable(lastAttemptDelivered);
  }

  OutboxSnapshot snapshot() {
    long now = clock.millis();
    Timed cached = last.get();
    if (cached == null || now - cached.at() >= SNAPSHOT_MILLIS || now < cached.at()) {
      cached = new Timed(now, store.snapshot());
      last.set(cached);
    }
    return cached.snapshot();
  }

  private void gauge(String name, String description, ToLongFunction<OutboxSnapshot> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        () -> value.applyAsLong(snapshot()));
  }

  private void gaugeSeconds(String name, String description, ToLongFunction<OutboxSnapshot> value) {
    registry.gauge(
        Metadata.builder()
            .withName(name)
            .withDescription(description)
            .withUnit(MetricUnits.SECONDS)
            .build(),
        () -> value.applyAsLong(snapshot()));
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }
}
