package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.MailBounced;
import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox: on a fixed delay, and right after any transaction that queued mail commits.
 * Delivery is at-least-once; a crash between SMTP acceptance and marking the row sent resends the
 * same Message-ID, which mail clients treat as the same message.
 */
@ApplicationScoped
public class OutboxDrainer {
  private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());

  /** Mails claimed per connection in one batch. */
  private static final int PER_CONNECTION = 50;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxStore store;
  @Inject MailSettings settings;
  @Inject SmtpMailTransport smtp;
  @Inject CatchingMailTransport catcher;
  @Inject Event<MailBounced> bounced;
  @Inject OutboxMetrics metrics;
  @Inject RelayOutage relay;
  @Inject Clock clock;

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean drainAgain = new AtomicBoolean();
  private ScheduledFuture<?> ticker;

  void start(@Observes SchemaReady ready) {
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::drainSafely, 1000, settings.pollMillis(), TimeUnit.MILLISECONDS);
    LOG.info(
        settings.useMailCatcher()
            ? "No SMTP host configured (verbatim.smtp.host): outgoing mail is kept by the built-in mail catcher, see /app/mailbox"
            : "Outgoing mail is sent over SMTP through mail/verbatim");
  }

  void nudge(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEnqueued enqueued) {
    drainAgain.set(true);
    if (!draining.get()) {
      scheduler.execute(this::drainSafely);
    }
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  void drainSafely() {
    if (!draining.compareAndSet(false, true)) {
      return;
    }
    try {
      do {
        drainAgain.set(false);
        drainWhileFull();
      } while (drainAgain.get());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox drain failed; will retry on the next tick", e);
    } finally {
      draining.set(false);
    }
  }

  /**
   * Sends batch after batch while full ones come back, over {@code verbatim.outbox.connections}
   * SMTP connections at once (the mail catcher: one). The claim of the next batch overlaps the
   * sending; only what the lanes sent and have not yet marked can be resent after a crash (at most
   * {@value #PER_CONNECTION} mails a connection). While the relay is unreachable nothing is claimed
   * until the next probe is due.
   */
  private void drainWhileFull() {
    int lanes = settings.useMailCatcher() ? 1 : settings.connections();
    Supplier<MailTransport> connections =
        settings.useMailCatcher() ? () -> catcher : smtp::connection;
    int size = PER_CONNECTION * lanes;
    new DeliveryLanes(connections, lanes, scheduler, this::record)
        .drain(() -> relay.paused(clock.millis()) ? List.of() : store.claimDue(size), size);
  }

  private void record(List<MailTransport.DeliveryResult> results) {
    List<String> sent = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    String unreachableError = null;
    for (MailTransport.DeliveryResult result : results) {
      OutboxMessage message = result.message();
      if (result.ok()) {
        sent.add(message.id());
        metrics.delivered();
      } else if (result.relayUnreachable()) {
        unreachable.add(message.id());
        unreachableError = result.error();
        metrics.attemptFailed(false);
      } else {
        LOG.warning(
            () ->
                "Mail "
                    + message.messageId()
                    + " not delivered (attempt "
                    + (message.attempts() + 1)
                    + "): "
                    + result.error());
        boolean gaveUp =
            store.markFailed(
                message.id(),
                result.error(),
                result.permanent(),
                settings.retryDelayMillis(message.attempts()),
                settings.maxAttempts());
        metrics.attemptFailed(gaveUp);
        if (result.recipientRefused()) {
          tellBounced(message, result.error());
        }
      }
    }
    if (!sent.isEmpty()) {
      long outage = relay.reached(clock.millis());
      if (outage >= 0) {
        LOG.info("SMTP relay reachable again after " + outage / 1000 + " s; the outbox drains");
      }
      // A crash before this commit resends at most this batch, with the same Message-IDs.
      store.markSent(sent);
    }
    if (!unreachable.isEmpty()) {
      long now = clock.millis();
      RelayOutage.Pause pause = relay.unreachable(now);
      store.markRelayUnreachable(unreachable, unreachableError, pause.resumeAt());
      if (pause.started()) {
        LOG.warning(
            "SMTP relay unreachable for "
                + relay.unreachableMillis(now) / 1000
                + " s ("
                + unreachableError
                + "); the outbox waits, the next attempt in "
                + (pause.resumeAt() - now) / 1000
                + " s");
      }
    }
  }

  /** The mail is already marked failed; a failing observer must not send it again. */
  private void tellBounced(OutboxMessage message, String reason) {
    try {
      bounced.fire(new MailBounced(message.recipient(), message.messageId(), reason));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A bounce of " + message.messageId() + " was not recorded", e);
    }
  }
}
