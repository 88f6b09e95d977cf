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

/**
 * Sends over SMTP through Liberty's {@code mail/verbatim} mailSession, one connection per batch,
 * and only while the batch's lease has a quarter of its length left (what is not sent then is
 * neither sent nor failed: it is claimed again once its lease expires).
 */
@ApplicationScoped
public class SmtpMailTransport implements MailTransport {
  @Resource(lookup = "mail/verbatim")
  Session session;

  @Inject MimeMessages mimeMessages;
  @Inject MailSettings settings;
  @Inject Clock clock;

  @Override
  public List<DeliveryResult> deliver(List<OutboxMessage> batch) {
    List<DeliveryResult> results = new ArrayList<>();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      long margin = settings.leaseMillis() / 4;
      for (OutboxMessage row : batch) {
        if (!row.leaseLeftAtLeast(margin, clock.millis())) {
          // A slow server ate the lease: the rest of the share goes back to the queue unsent
          // rather than risk a second sender claiming it meanwhile.
          return results;
        }
        results.add(sendOne(transport, row));
      }
    } catch (MessagingException e) {
      // Connection-level failure: everything not yet attempted is retried later.
      for (int i = results.size(); i < batch.size(); i++) {
        results.add(new DeliveryResult(batch.get(i), "SMTP unavailable: " + e.getMessage(), false));
      }
    }
    return results;
  }

  private DeliveryResult sendOne(Transport transport, OutboxMessage row) throws MessagingException {
    try {
      MimeMessage message = mimeMessages.build(session, row);
      transport.sendMessage(message, message.getAllRecipients());
      return DeliveryResult.delivered(row);
    } catch (SendFailedException e) {
      SmtpReplies.Outcome outcome = SmtpReplies.classify(e, row.recipient());
      return new DeliveryResult(
          row, outcome.reply(), outcome.permanent(), outcome.recipientRefused());
    } catch (jakarta.mail.internet.AddressException e) {
      return new DeliveryResult(row, "Invalid address: " + e.getMessage(), true);
    }
  }
}
