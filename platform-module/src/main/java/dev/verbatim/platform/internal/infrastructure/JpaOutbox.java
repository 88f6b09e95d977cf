package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class JpaOutbox implements Outbox {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject MailSettings settings;
  @Inject Event<OutboxEnqueued> enqueued;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public String enqueue(OutboundMail mail) {
    String id = Ids.newId();
    String messageId = "<" + id + "@" + settings.messageIdDomain() + ">";
    em.persist(new OutboxMessage(id, messageId, mail, clock.millis()));
    enqueued.fire(new OutboxEnqueued(messageId));
    return messageId;
  }
}
