package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.api.ClosureCounts;
import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.followup.internal.domain.CaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Closure figures as database aggregates; the median reads at most two rows. */
@ApplicationScoped
public class JpaFollowupDirectory implements FollowupDirectory {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Override
  public ClosureCounts closureCounts(String surveyId) {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(c), SUM(CASE WHEN c.ownerId IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN c.firstReplyAt IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN c.status = :closed THEN 1 ELSE 0 END)"
                    + " FROM FollowupCase c WHERE c.surveyId = :s",
                Object[].class)
            .setParameter("s", surveyId)
            .setParameter("closed", CaseStatus.CLOSED)
            .getSingleResult();
    long replied = asLong(row[2]);
    return new ClosureCounts(
        asLong(row[0]),
        asLong(row[1]),
        replied,
        asLong(row[3]),
        medianFirstReply(surveyId, replied));
  }

  private Long medianFirstReply(String surveyId, long replied) {
    if (replied == 0) {
      return null;
    }
    List<Long> middle =
        em.createQuery(
                "SELECT (c.firstReplyAt - c.createdAt) AS waited FROM FollowupCase c"
                    + " WHERE c.surveyId = :s AND c.firstReplyAt IS NOT NULL ORDER BY waited",
                Long.class)
            .setParameter("s", surveyId)
            .setFirstResult((int) ((replied - 1) / 2))
            .setMaxResults(replied % 2 == 0 ? 2 : 1)
            .getResultList();
    return middle.size() == 2 ? (middle.get(0) + middle.get(1)) / 2 : middle.get(0);
  }

  private static long asLong(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
