package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.MailDeliveries;
import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaMailDeliveries implements MailDeliveries {
  /** Keeps each IN list well below what databases accept in one statement. */
  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Override
  public Map<Delivery, Long> count(Collection<String> messageIds) {
    Map<Delivery, Long> counts = new EnumMap<>(Delivery.class);
    for (Delivery d : Delivery.values()) {
      counts.put(d, 0L);
    }
    List<String> ids = new ArrayList<>(messageIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT m.status, COUNT(m) FROM OutboxMessage m WHERE m.messageId IN :ids"
                      + " GROUP BY m.status",
                  Object[].class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
              .getResultList();
      for (Object[] row : rows) {
        Delivery delivery =
            switch ((String) row[0]) {
              case OutboxMessage.SENT -> Delivery.SENT;
              case OutboxMessage.FAILED -> Delivery.FAILED;
              default -> Delivery.QUEUED;
            };
        counts.merge(delivery, ((Number) row[1]).longValue(), Long::sum);
      }
    }
    return counts;
  }
}
