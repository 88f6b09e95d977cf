package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.application.InboundMailService;
import dev.verbatim.followup.internal.domain.InboundMail;
import dev.verbatim.platform.api.ImapMailbox;
import dev.verbatim.platform.api.JobLeases;
import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads customers' answers from the reply mailbox on a schedule. A message is flagged \Seen only
 * after its transaction committed (the session reads with PEEK), so a crash reads it again rather
 * than losing it; one bad message goes to triage and never stops the others.
 */
@ApplicationScoped
public class ImapPoller {
  static final String JOB = "reply-mailbox";
  private static final Logger LOG = Logger.getLogger(ImapPoller.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Config config;
  @Inject JobLeases leases;
  @Inject InboundMessageReader reader;
  @Inject InboundMailService inbound;

  private static final int MAX_FETCHES = 3;
  private final Map<Long, Integer> fetchFailures = new ConcurrentHashMap<>();
  private ImapMailbox mailbox;
  private ScheduledFuture<?> ticker;
  private volatile boolean unreachable;

  void start(@Observes SchemaReady ready) {
    mailbox = ImapMailbox.configured(config, "verbatim.imap", 0).orElse(null);
    if (mailbox == null) {
      LOG.info(
          "No IMAP host configured (verbatim.imap.host): customers' email answers are not read");
      return;
    }
    ticker =
        scheduler.scheduleWithFixedDelay(
            this::pollSafely, 1, mailbox.pollSeconds(), TimeUnit.SECONDS);
    LOG.info(
        "Reading customers' answers from "
            + mailbox.describe()
            + " every "
            + mailbox.pollSeconds()
            + " s");
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
      if (unreachable) {
        LOG.info("The reply mailbox can be read again");
        unreachable = false;
      }
    } catch (MessagingException | RuntimeException e) {
      if (!unreachable) {
        LOG.log(Level.WARNING, "Cannot read the reply mailbox; will retry: " + e, e);
      }
      unreachable = true;
    }
  }

  void poll() throws MessagingException {
    mailbox.readUnseen(null, this::handle);
  }

  private void handle(Folder folder, Message message) {
    MimeMessage local = fetch(folder, message);
    if (local == null) {
      return;
    }
    InboundMail mail = null;
    try {
      mail = reader.read(local);
      inbound.receive(mail);
      markSeen(message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An inbound mail could not be processed; it goes to triage", e);
      try {
        inbound.triage(
            mail != null ? mail : new InboundMail(null, null, null, List.of(), List.of(), ""),
            "It could not be processed automatically; read it and attach it to its case.");
        markSeen(message);
      } catch (RuntimeException again) {
        LOG.log(Level.SEVERE, "An inbound mail could not be triaged; it stays unread", again);
      }
    }
  }

  /**
   * One fetch of the whole raw message, parsed here: a mail the server cannot describe (broken
   * MIME) is still read. A fetch that fails is retried on the next polls; after {@link
   * #MAX_FETCHES} failures the mail is triaged as unreadable (it stays in the mailbox) instead of
   * blocking.
   */
  private MimeMessage fetch(Folder folder, Message message) {
    long uid = uid(folder, message);
    try {
      MimeMessage local = new MimeMessage((MimeMessage) message);
      fetchFailures.remove(uid);
      return local;
    } catch (MessagingException | RuntimeException e) {
      int failures = fetchFailures.merge(uid, 1, Integer::sum);
      LOG.log(Level.WARNING, "Could not fetch inbound mail UID " + uid + " (" + failures + ")", e);
      if (failures >= MAX_FETCHES && folder.isOpen()) {
        try {
          inbound.triage(
              new InboundMail(null, null, "(unreadable mail)", List.of(), List.of(), ""),
              "The mail server could not hand over this mail (IMAP UID "
                  + uid
                  + " in "
                  + mailbox.folder()
                  + "); it is still in the mailbox.");
          markSeen(message);
          fetchFailures.remove(uid);
        } catch (RuntimeException again) {
          LOG.log(Level.SEVERE, "An unreadable inbound mail could not be triaged", again);
        }
      }
      return null;
    }
  }

  private static long uid(Folder folder, Message message) {
    try {
      return folder instanceof UIDFolder uids ? uids.getUID(message) : message.getMessageNumber();
    } catch (MessagingException | RuntimeException e) {
      return -message.getMessageNumber();
    }
  }

  private static void markSeen(Message message) {
    try {
      message.setFlag(Flags.Flag.SEEN, true);
    } catch (MessagingException e) {
      // Committed but not flagged: the next poll sees it again and recognises its Message-ID.
      LOG.log(Level.WARNING, "Could not flag an inbound mail as read", e);
    }
  }
}
