package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The product's guarantee as a health check: comments without a case and cases without an owner
 * must both be zero; anything else is DOWN and needs a human.
 */
@Readiness
@ApplicationScoped
public class EveryCommentHasAnOwnerCheck implements HealthCheck {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject SurveyDirectory surveys;

  @Override
  public HealthCheckResponse call() {
    long comments = surveys.commentsTotal();
    long cases =
        em.createQuery("SELECT COUNT(c) FROM FollowupCase c", Long.class).getSingleResult();
    long unowned =
        em.createQuery("SELECT COUNT(c) FROM FollowupCase c WHERE c.ownerId IS NULL", Long.class)
            .getSingleResult();
    long withoutCase = Math.max(0, comments - cases);
    return HealthCheckResponse.named("every-comment-has-an-owner")
        .status(withoutCase == 0 && unowned == 0)
        .withData("comments", comments)
        .withData("commentsWithoutCase", withoutCase)
        .withData("casesWithoutOwner", unowned)
        .build();
  }
}
