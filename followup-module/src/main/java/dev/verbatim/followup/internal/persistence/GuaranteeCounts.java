package dev.verbatim.followup.internal.persistence;

import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Counts breaches of the guarantee: comments without a case and cases without an owner. The health
 * check and the reconciler both read these numbers.
 */
@ApplicationScoped
public class GuaranteeCounts {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject SurveyDirectory surveys;

  /** The numbers at one moment; both gaps must be zero. */
  public record Gaps(long comments, long commentsWithoutCase, long casesWithoutOwner) {
    public boolean none() {
      return commentsWithoutCase == 0 && casesWithoutOwner == 0;
    }
  }

  public Gaps count() {
    long comments = surveys.commentsTotal();
    long cases =
        em.createQuery("SELECT COUNT(c) FROM FollowupCase c", Long.class).getSingleResult();
    long unowned =
        em.createQuery("SELECT COUNT(c) FROM FollowupCase c WHERE c.ownerId IS NULL", Long.class)
            .getSingleResult();
    return new Gaps(comments, Math.max(0, comments - cases), unowned);
  }
}
