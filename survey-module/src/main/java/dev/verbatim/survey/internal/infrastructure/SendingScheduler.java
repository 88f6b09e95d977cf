package dev.verbatim.survey.internal.infrastructure;

import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.ReminderService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends scheduled distributions when they are due and reminders, on the injected clock. */
@ApplicationScoped
public class SendingScheduler {
  private static final Logger LOG = Logger.getLogger(SendingScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject DistributionService distributions;
  @Inject ReminderService reminders;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "verbatim.distribution.poll-seconds", defaultValue = "60")
  long pollSeconds;

  private ScheduledFuture<?> ticker;

  void start(@Observes SchemaReady ready) {
    if (pollSeconds <= 0) {
      throw new IllegalStateException(
          "verbatim.distribution.poll-seconds must be a positive number, was " + pollSeconds);
    }
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::runSafely, pollSeconds, pollSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  void runSafely() {
    try {
      for (String id : distributions.dueIds(clock.millis())) {
        if (distributions.sendIfDue(id, clock.millis())) {
          LOG.info(() -> "Sent scheduled distribution " + id);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled distributions failed; will retry on the next tick", e);
    }
    try {
      int sent = reminders.sendDue(clock.millis());
      if (sent > 0) {
        LOG.info(() -> "Queued " + sent + " reminder(s)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Reminders failed; will retry on the next tick", e);
    }
  }
}
