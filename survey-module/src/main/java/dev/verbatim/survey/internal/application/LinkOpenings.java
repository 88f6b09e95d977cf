package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.survey.internal.persistence.OpenedAtWriter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * First views of survey links, recorded off the customer's request. Viewing the page used to commit
 * {@code opened_at} on its own, one forced log write per customer on top of the answer's, which the
 * submission benchmark showed as half of all time spent waiting for the disk; now the view only
 * notes the invitation here and one transaction every {@link #FLUSH_MILLIS} ms writes all opens
 * noted since. Whoever reads the opens (the distribution's progress) calls {@link #flush} first.
 *
 * <p>What a crash can cost: the opens of the last {@link #FLUSH_MILLIS} ms of links that were not
 * answered (an answer records the open with it). A view statistic, never a customer's words.
 */
@ApplicationScoped
public class LinkOpenings {
  static final long FLUSH_MILLIS = 500;
  private static final Logger LOG = Logger.getLogger(LinkOpenings.class.getName());

  private final Map<String, Long> pending = new ConcurrentHashMap<>();

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OpenedAtWriter writer;

  private ScheduledFuture<?> ticker;

  void start(@Observes SchemaReady ready) {
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::flushSafely, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
    flushSafely();
  }

  /** The invitation's link was followed at {@code at}; the first time noted is kept. */
  public void opened(String invitationId, long at) {
    pending.putIfAbsent(invitationId, at);
  }

  /**
   * Writes every open noted so far, in its own transaction; returns when they are committed (a
   * flush already under way is waited for, so nothing noted before this call is left out).
   */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    // Sorted by id: concurrent writers of invitation rows meet them in one order.
    Map<String, Long> batch = new TreeMap<>();
    for (String id : pending.keySet()) {
      Long at = pending.remove(id);
      if (at != null) {
        batch.put(id, at);
      }
    }
    try {
      writer.write(batch);
    } catch (RuntimeException e) {
      batch.forEach(pending::putIfAbsent);
      throw new IllegalStateException("Could not record " + batch.size() + " link opens", e);
    }
  }

  /** {@link #flush}, logging a failure instead of throwing (the caller shows what is recorded). */
  void flushSafely() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Link opens not recorded yet; trying again shortly", e);
    }
  }
}
