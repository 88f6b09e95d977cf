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
import java.util.ArrayList;
import java.util.List;

/**
 * Sends over SMTP through Liberty's {@code mail/verbatim} mailSession, one connection per batch.
 */
@ApplicationScoped
public class SmtpMailTransport implements MailTransport {
  @Resource(lookup = "mail/verbatim")
  Session session;

  @Inject MimeMessages mimeMessages;

  @Override
  public List<DeliveryResult> deliver(List<OutboxMessage> batch) {
    List<DeliveryResult> results = new ArrayList<>();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (OutboxMessage row : batch) {
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
