package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.persistence.GuaranteeCounts;
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

/**
 * Checks the guarantee on a schedule, so a breach reaches the log (and whoever watches it) even
 * when nobody polls the health check: a comment without a case or a case without an owner logs a
 * SEVERE line on every run until it is fixed.
 */
@ApplicationScoped
public class GuaranteeReconciler {
  static final Logger LOG = Logger.getLogger(GuaranteeReconciler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject GuaranteeCounts counts;

  @Inject
  @ConfigProperty(name = "verbatim.reconcile.minutes", defaultValue = "5")
  long minutes;

  private ScheduledFuture<?> ticker;

  void start(@Observes SchemaReady ready) {
    ticker = scheduler.scheduleWithFixedDelay(this::reconcileSafely, 1, minutes, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  void reconcileSafely() {
    try {
      report(counts.count());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not count comments and cases; will try again", e);
    }
  }

  /**
   * @return whether the guarantee holds
   */
  static boolean report(GuaranteeCounts.Gaps gaps) {
    if (gaps.none()) {
      LOG.fine(() -> "Every one of " + gaps.comments() + " comments has a case with an owner");
      return true;
    }
    LOG.severe(
        () ->
            "Guarantee broken: "
                + gaps.commentsWithoutCase()
                + " comment(s) without a case and "
                + gaps.casesWithoutOwner()
                + " case(s) without an owner; every comment must have an owner");
    return false;
  }
}
