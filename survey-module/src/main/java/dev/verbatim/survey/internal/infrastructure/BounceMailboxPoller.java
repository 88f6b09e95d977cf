package dev.verbatim.survey.internal.infrastructure;

import dev.verbatim.platform.api.ImapMailbox;
import dev.verbatim.platform.api.JobLeases;
import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.survey.internal.application.BounceRecorder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads bounce reports from the bounce mailbox on a schedule (the approach of the reply mailbox
 * poller): a permanent failure suppresses the address and marks its invitation bounced, then the
 * report is flagged \Seen; anything else (a delay notice, mail that is no report) is flagged
 * \Flagged and left for people to read.
 */
@ApplicationScoped
public class BounceMailboxPoller {
  static final String JOB = "bounce-mailbox";
  private static final Logger LOG = Logger.getLogger(BounceMailboxPoller.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Config config;
  @Inject JobLeases leases;
  @Inject BounceRecorder bounces;

  private ImapMailbox mailbox;
  private ScheduledFuture<?> ticker;
  private volatile boolean unreachable;

  void start(@Observes SchemaReady ready) {
    int replyMailboxPort = config.getOptionalValue("verbatim.imap.port", Integer.class).orElse(0);
    mailbox =
        ImapMailbox.configured(config, "verbatim.bounces.imap", replyMailboxPort).orElse(null);
    if (mailbox == null) {
      LOG.info(
          "No bounce mailbox configured (verbatim.bounces.imap.host): bounce reports are not read");
      return;
    }
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::pollSafely, 1, mailbox.pollSeconds(), TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  void pollSafely() {
    try {
      // One server at a time reads the mailbox: two reading the same unseen message would store it
      // twice. The lease outlives a few polls, so another server takes over soon after one stops.
      if (!leases.tryHold(JOB, Duration.ofSeconds(Math.max(60, 3L * mailbox.pollSeconds())))) {
        return;
      }
      poll();
      unreachable = false;
    } catch (MessagingException | RuntimeException e) {
      if (!unreachable) {
        LOG.log(Level.WARNING, "Cannot read the bounce mailbox; will retry: " + e, e);
      }
      unreachable = true;
    }
  }

  /** Unflagged only: a mail that is no permanent-failure report is flagged and left for people. */
  void poll() throws MessagingException {
    mailbox.readUnseen(
        new FlagTerm(new Flags(Flags.Flag.FLAGGED), false), (folder, message) -> handle(message));
  }

  private void handle(Message message) {
    try {
      Optional<DeliveryStatusReport> report =
          DeliveryStatusReport.read(new MimeMessage((MimeMessage) message));
      if (report.isPresent() && report.get().permanent()) {
        DeliveryStatusReport r = report.get();
        bounces.record(
            r.recipient(),
            r.originalMessageId(),
            "bounce report"
                + (r.status() == null ? "" : " " + r.status())
                + (r.diagnostic() == null ? "" : ": " + r.diagnostic()));
        message.setFlag(Flags.Flag.SEEN, true);
      } else {
        message.setFlag(Flags.Flag.FLAGGED, true);
      }
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "A bounce report could not be processed; it is left unread", e);
    }
  }
}
