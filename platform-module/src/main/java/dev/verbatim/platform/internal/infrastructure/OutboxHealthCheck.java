package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Outbound mail queue depth, retries and failures; UP while the database answers (a backlog is
 * data, not an outage).
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject MailSettings settings;

  @Override
  public HealthCheckResponse call() {
    Object[] row =
        em.createQuery(
                "SELECT SUM(CASE WHEN m.status = :pending THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN m.status = :pending AND m.attempts > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN m.status = :failed THEN 1 ELSE 0 END),"
                    + " MIN(CASE WHEN m.status = :pending THEN m.createdAt ELSE NULL END) FROM OutboxMessage m",
                Object[].class)
            .setParameter("pending", OutboxMessage.PENDING)
            .setParameter("failed", OutboxMessage.FAILED)
            .getSingleResult();
    long oldest = row[3] == null ? 0 : (clock.millis() - ((Number) row[3]).longValue()) / 1000;
    return HealthCheckResponse.named("outbox")
        .up()
        .withData("transport", settings.useMailCatcher() ? "mail-catcher" : "smtp")
        .withData("pending", number(row[0]))
        .withData("retrying", number(row[1]))
        .withData("failed", number(row[2]))
        .withData("oldestPendingSeconds", oldest)
        .build();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
