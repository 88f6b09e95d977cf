package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.HealthDown;
import dev.verbatim.platform.api.ListenerProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The module-event log: backlog, the oldest undelivered event's age, parked events and failing
 * listeners. Stays UP while the database answers: a listener that lags (reports) must not take the
 * server out of the load balancer and stop customers from answering. Alert on the details or the
 * {@code verbatim_events_*} metrics instead.
 */
@Readiness
@ApplicationScoped
public class EventLogHealthCheck implements HealthCheck {
  @Inject EventLogProgress progress;
  @Inject Clock clock;

  @Override
  public HealthCheckResponse call() {
    try {
      return measure();
    } catch (RuntimeException unreadable) {
      return HealthDown.because("module-events", unreadable);
    }
  }

  private HealthCheckResponse measure() {
    EventLogTotals totals = EventLogTotals.of(progress.snapshot().values(), clock.millis());
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("module-events")
            .up()
            .withData("backlog", totals.backlog())
            .withData("oldestWaitingSeconds", totals.oldestWaitingSeconds())
            .withData("parked", totals.parked())
            .withData(
                "failingListeners",
                totals.failing().isEmpty()
                    ? "none"
                    : totals.failing().stream()
                        .map(ListenerProgress::listener)
                        .collect(Collectors.joining(", ")));
    for (ListenerProgress listener : progress.snapshot().values()) {
      health.withData(listener.listener() + ".backlog", listener.backlog());
      if (listener.lastError() != null) {
        health.withData(listener.listener() + ".lastError", listener.lastError());
      }
      if (listener.parkedError() != null) {
        health.withData(listener.listener() + ".parked", listener.parked());
        health.withData(listener.listener() + ".parkedError", listener.parkedError());
      }
    }
    return health.build();
  }
}
