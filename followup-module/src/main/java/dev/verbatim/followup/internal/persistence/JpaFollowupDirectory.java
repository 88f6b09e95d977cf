package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.followup.api.ClosureCounts;
import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.followup.internal.domain.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  @Override
  public Optional<CaseSnapshot> caseSnapshot(String caseId) {
    return Optional.ofNullable(em.find(FollowupCase.class, caseId)).map(FollowupCase::snapshot);
  }

  @Override
  public List<CaseSnapshot> caseSnapshots(String afterCaseId, int limit) {
    return em.createQuery(
            "SELECT c FROM FollowupCase c WHERE c.id > :after ORDER BY c.id", FollowupCase.class)
        .setParameter("after", afterCaseId == null ? "" : afterCaseId)
        .setMaxResults(limit)
        .getResultStream()
        .map(FollowupCase::snapshot)
        .toList();
  }

  @Override
  public Map<String, String> teamNames() {
    Map<String, String> names = new LinkedHashMap<>();
    em.createQuery("SELECT t FROM Team t ORDER BY t.name", Team.class)
        .getResultStream()
        .forEach(t -> names.put(t.id(), t.name()));
    return names;
  }

  @Override
  public Map<String, String> rootCauseLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    em.createQuery("SELECT r FROM RootCause r ORDER BY r.position", RootCause.class)
        .getResultStream()
        .forEach(r -> labels.put(r.code(), r.label()));
    return labels;
  }

  private static long asLong(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
