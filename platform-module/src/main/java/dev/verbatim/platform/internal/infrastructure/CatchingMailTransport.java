package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.internal.domain.CaughtMail;
import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * The built-in mail catcher: builds the real MIME message (so what is shown is what would be sent)
 * and keeps it for the admin mailbox page instead of sending it.
 */
@ApplicationScoped
public class CatchingMailTransport implements MailTransport {
  private final Session session = Session.getInstance(new Properties());

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject MimeMessages mimeMessages;
  @Inject MailSettings settings;
  @Inject Clock clock;

  @Override
  @Transactional
  public List<DeliveryResult> deliver(List<OutboxMessage> batch) {
    List<DeliveryResult> results = new ArrayList<>();
    for (OutboxMessage row : batch) {
      try {
        MimeMessage message = mimeMessages.build(session, row);
        em.persist(
            new CaughtMail(
                Ids.newId(),
                row.messageId(),
                row.kind(),
                settings.fromName() + " <" + settings.fromAddress() + ">",
                message.getHeader("To", ", "),
                row.subject(),
                headerBlock(message),
                row.textBody(),
                row.htmlBody(),
                clock.millis()));
        results.add(DeliveryResult.delivered(row));
      } catch (MessagingException e) {
        results.add(new DeliveryResult(row, e.getMessage(), true));
      }
    }
    return results;
  }

  private static String headerBlock(MimeMessage message) throws MessagingException {
    StringBuilder block = new StringBuilder();
    Enumeration<Header> headers = message.getAllHeaders();
    while (headers.hasMoreElements()) {
      Header header = headers.nextElement();
      if (!header.getName().equalsIgnoreCase("Content-Type")
          && !header.getName().equalsIgnoreCase("MIME-Version")) {
        block.append(header.getName()).append(": ").append(header.getValue()).append('\n');
      }
    }
    return block.length() > 4000 ? block.substring(0, 4000) : block.toString();
  }
}
