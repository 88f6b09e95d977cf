package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens SMTP connections through Liberty's {@code mail/verbatim} mailSession. A connection stays
 * open from share to share (a drain run's worth) and sends a message only while its lease has a
 * quarter of its length left: what is not sent then is neither sent nor failed, and is claimed
 * again once its lease expires.
 */
@ApplicationScoped
public class SmtpMailTransport {
  private static final Logger LOG = Logger.getLogger(SmtpMailTransport.class.getName());

  @Resource(lookup = "mail/verbatim")
  Session session;

  @Inject MimeMessages mimeMessages;
  @Inject MailSettings settings;
  @Inject Clock clock;

  /** A connection that is opened with its first share and reopened after it broke. */
  public MailTransport connection() {
    return new Connection();
  }

  private final class Connection implements MailTransport {
    private Transport transport;

    @Override
    public List<DeliveryResult> deliver(List<OutboxMessage> share) {
      List<DeliveryResult> results = new ArrayList<>();
      try {
        Transport open = connected();
        long margin = settings.leaseMillis() / 4;
        for (OutboxMessage row : share) {
          if (!row.leaseLeftAtLeast(margin, clock.millis())) {
            // A slow server ate the lease: the rest of the share goes back to the queue unsent
            // rather than risk a second sender claiming it meanwhile.
            return results;
          }
          results.add(sendOne(open, row));
        }
      } catch (MessagingException e) {
        // Connection-level failure: everything not yet attempted is retried later, over a new
        // connection.
        close();
        for (int i = results.size(); i < share.size(); i++) {
          results.add(
              DeliveryResult.relayUnreachable(share.get(i), "SMTP unavailable: " + e.getMessage()));
        }
      }
      return results;
    }

    private Transport connected() throws MessagingException {
      if (transport == null) {
        Transport fresh = session.getTransport("smtp");
        fresh.connect();
        transport = fresh;
      }
      return transport;
    }

    @Override
    public void close() {
      if (transport == null) {
        return;
      }
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.log(Level.FINE, "Closing an SMTP connection failed", e);
      } finally {
        transport = null;
      }
    }
  }

  private MailTransport.DeliveryResult sendOne(Transport transport, OutboxMessage row)
      throws MessagingException {
    try {
      MimeMessage message = mimeMessages.build(session, row);
      transport.sendMessage(message, message.getAllRecipients());
      return MailTransport.DeliveryResult.delivered(row);
    } catch (SendFailedException e) {
      if (SmtpReplies.replyClass(e) == 0 && !transport.isConnected()) {
        // No reply at all ("[EOF]"): the connection dropped, this message was not refused.
        throw e;
      }
      SmtpReplies.Outcome outcome = SmtpReplies.classify(e, row.recipient());
      return new MailTransport.DeliveryResult(
          row, outcome.reply(), outcome.permanent(), outcome.recipientRefused());
    } catch (jakarta.mail.internet.AddressException e) {
      return new MailTransport.DeliveryResult(row, "Invalid address: " + e.getMessage(), true);
    }
  }
}
