package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.reporting.internal.application.DigestService;
import dev.verbatim.reporting.internal.domain.DigestSchedule;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the digest at the scheduled times ({@code verbatim.digest.schedule}, {@code .day}, {@code
 * .hour}, UTC): each run re-reads the clock, sends the period of the latest scheduled time unless
 * it was sent, and schedules itself for the next one.
 */
@ApplicationScoped
public class DigestScheduler {
  private static final Logger LOG = Logger.getLogger(DigestScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject DigestService digests;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "verbatim.digest.schedule", defaultValue = "weekly")
  String frequency;

  @Inject
  @ConfigProperty(name = "verbatim.digest.day", defaultValue = "MONDAY")
  String day;

  @Inject
  @ConfigProperty(name = "verbatim.digest.hour", defaultValue = "7")
  int hour;

  private volatile ScheduledFuture<?> next;

  public DigestSchedule schedule() {
    return new DigestSchedule(
        frequency, DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)), hour);
  }

  void start(@Observes SchemaReady ready) {
    DigestSchedule s = schedule();
    if (s.isOff()) {
      LOG.info("Digest: off");
      return;
    }
    scheduleNext(s);
  }

  @PreDestroy
  void stop() {
    if (next != null) {
      next.cancel(false);
    }
  }

  private void scheduleNext(DigestSchedule s) {
    Instant now = clock.instant();
    Instant at = s.nextRun(now);
    LOG.info(() -> "Digest: " + s.frequency() + ", next at " + at);
    next =
        scheduler.schedule(
            () -> run(s),
            Math.max(0, at.toEpochMilli() - now.toEpochMilli()),
            TimeUnit.MILLISECONDS);
  }

  void run(DigestSchedule s) {
    try {
      Instant now = clock.instant();
      DigestSchedule.Period period = s.periodFor(s.lastRun(now));
      if (digests.sendScheduled(period, now.toEpochMilli())) {
        LOG.info(() -> "Digest sent for " + period.key());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Digest run failed; the next scheduled run tries again", e);
    } finally {
      scheduleNext(s);
    }
  }
}
