package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.persistence.GuaranteeCounts;
import dev.verbatim.platform.api.HealthDown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  @Inject GuaranteeCounts counts;

  @Override
  public HealthCheckResponse call() {
    try {
      return measure();
    } catch (RuntimeException unreadable) {
      return HealthDown.because("every-comment-has-an-owner", unreadable);
    }
  }

  private HealthCheckResponse measure() {
    GuaranteeCounts.Gaps gaps = counts.count();
    return HealthCheckResponse.named("every-comment-has-an-owner")
        .status(gaps.none())
        .withData("comments", gaps.comments())
        .withData("commentsWithoutCase", gaps.commentsWithoutCase())
        .withData("casesWithoutOwner", gaps.casesWithoutOwner())
        .build();
  }
}
