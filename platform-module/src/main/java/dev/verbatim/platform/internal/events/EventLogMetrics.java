package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The module-event log on {@code /metrics}: gauges over every server's queue (from the database)
 * and a counter of the events this server applied since it started.
 */
@ApplicationScoped
public class EventLogMetrics {
  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject EventLogProgress progress;
  @Inject Clock clock;

  private Counter applied;

  /** After the migrations: a gauge read before them would fail the whole scrape. */
  void register(@Observes SchemaReady ready) {
    gauge(
        "verbatim.events.backlog",
        "Events published and not yet applied",
        null,
        EventLogTotals::backlog);
    gauge(
        "verbatim.events.oldest.waiting",
        "Age of the oldest event not yet applied; 0 when none waits",
        MetricUnits.SECONDS,
        EventLogTotals::oldestWaitingSeconds);
    gauge(
        "verbatim.events.parked",
        "Events set aside because they could not be applied",
        null,
        EventLogTotals::parked);
    gauge(
        "verbatim.events.failing.listeners",
        "Listeners whose last attempt failed and that wait for a retry",
        null,
        totals -> totals.failing().size());
    applied =
        registry.counter(
            Metadata.builder()
                .withName("verbatim.events.applied")
                .withDescription("Events applied to their listeners (this server)")
                .build());
  }

  void applied(int events) {
    if (applied != null) {
      applied.inc(events);
    }
  }

  private void gauge(
      String name, String description, String unit, ToLongFunction<EventLogTotals> value) {
    org.eclipse.microprofile.metrics.MetadataBuilder metadata =
        Metadata.builder().withName(name).withDescription(description);
    if (unit != null) {
      metadata.withUnit(unit);
    }
    registry.gauge(
        metadata.build(),
        () -> value.applyAsLong(EventLogTotals.of(progress.snapshot().values(), clock.millis())));
  }
}
