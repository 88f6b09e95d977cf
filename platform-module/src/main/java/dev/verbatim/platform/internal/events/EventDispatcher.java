package dev.verbatim.platform.internal.events;

import dev.verbatim.platform.api.ModuleEventListener;
import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs delivery: right after a transaction that published events commits, and on a fixed delay (to
 * pick up other servers' events, retries and expired leases). Each listener drains on its own, so
 * one that fails holds up no other; under load the batches grow by themselves, because events
 * published while a drain runs are taken by its next batch.
 */
@ApplicationScoped
public class EventDispatcher {
  private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject EventListeners listeners;
  @Inject JpaEventQueue queue;
  @Inject EventLogSettings settings;
  @Inject EventLogProgress progress;
  @Inject EventLogMetrics metrics;
  @Inject Clock clock;

  private final Map<String, Drain> drains = new ConcurrentHashMap<>();
  private final AtomicBoolean lingering = new AtomicBoolean();
  private volatile boolean started;
  private ScheduledFuture<?> ticker;

  void start(@Observes SchemaReady ready) {
    for (ModuleEventListener listener : listeners.all()) {
      queue.register(listener.name());
      drains.put(listener.name(), new Drain(listener));
    }
    started = true;
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::deliverSoon, settings.pollMillis(), settings.pollMillis(), TimeUnit.MILLISECONDS);
    deliverSoon();
  }

  @PreDestroy
  void stop() {
    started = false;
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  /**
   * After a commit that published events: drains once {@code verbatim.events.linger-millis} have
   * passed, one drain for all the commits meanwhile.
   */
  void deliverAfterCommit() {
    if (!started || !lingering.compareAndSet(false, true)) {
      return;
    }
    try {
      scheduler.schedule(
          () -> {
            lingering.set(false);
            deliverSoon();
          },
          settings.lingerMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RuntimeException stopping) {
      lingering.set(false);
    }
  }

  /** Starts every listener's drain that is not running, and has running ones look again. */
  void deliverSoon() {
    if (!started) {
      return;
    }
    drains.values().forEach(Drain::trigger);
  }

  /** One listener's drain: at most one at a time on this server, again when asked meanwhile. */
  private final class Drain {
    private final ModuleEventListener listener;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    Drain(ModuleEventListener listener) {
      this.listener = listener;
    }

    void trigger() {
      again.set(true);
      if (!running.get()) {
        try {
          scheduler.execute(this::run);
        } catch (RuntimeException stopping) {
          // the executor refuses work while the application stops; the next start delivers
        }
      }
    }

    private void run() {
      if (!running.compareAndSet(false, true)) {
        return;
      }
      try {
        EventDelivery delivery = new EventDelivery(queue, clock::millis, settings.limits());
        while (started && again.getAndSet(false)) {
          int applied = delivery.drain(listener);
          if (applied > 0) {
            metrics.applied(applied);
            progress.invalidate();
          }
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Delivering events to " + listener.name() + " failed; will retry on the next tick",
            e);
      } finally {
        running.set(false);
      }
      if (again.get() && started) {
        trigger();
      }
    }
  }
}
