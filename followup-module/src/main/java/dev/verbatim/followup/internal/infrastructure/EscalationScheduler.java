package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.application.EscalationService;
import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs {@link EscalationService#escalateOverdue()} on a fixed delay once the schema is ready. */
@ApplicationScoped
public class EscalationScheduler {
  private static final Logger LOG = Logger.getLogger(EscalationScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject EscalationService escalation;
  @Inject SlaSettings sla;

  @Inject
  @ConfigProperty(name = "verbatim.escalation.poll-seconds", defaultValue = "60")
  long pollSeconds;

  private ScheduledFuture<?> ticker;

  void start(@Observes SchemaReady ready) {
    if (pollSeconds <= 0) {
      throw new IllegalStateException(
          "verbatim.escalation.poll-seconds must be a positive number, was " + pollSeconds);
    }
    LOG.info(
        "Deadlines: " + sla.policy() + "; overdue cases are checked every " + pollSeconds + " s");
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::escalateSafely, pollSeconds, pollSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  void escalateSafely() {
    try {
      int escalated = escalation.escalateOverdue();
      if (escalated > 0) {
        LOG.info(() -> "Escalated " + escalated + " overdue case level(s)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Escalation run failed; will retry on the next tick", e);
    }
  }
}
