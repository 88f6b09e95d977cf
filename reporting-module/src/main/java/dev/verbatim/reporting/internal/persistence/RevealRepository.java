package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.platform.api.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Who saw which comment unmasked, and when (rpt_reveal). */
@ApplicationScoped
public class RevealRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject ReportJdbc jdbc;

  public record RevealRecord(String caseId, String staffName, long revealedAt) {}

  /** Records a reveal in the caller's transaction. */
  public void record(String caseId, String staffId, String staffName, long revealedAt) {
    em.createNativeQuery(
            "INSERT INTO rpt_reveal (id, case_id, staff_id, staff_name, revealed_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, Ids.newId())
        .setParameter(2, caseId)
        .setParameter(3, staffId)
        .setParameter(4, staffName)
        .setParameter(5, revealedAt)
        .executeUpdate();
  }

  /** The latest reveals, newest first. */
  public List<RevealRecord> recent(int limit) {
    return jdbc.list(
        "SELECT case_id, staff_name, revealed_at FROM rpt_reveal ORDER BY revealed_at DESC, id"
            + " FETCH FIRST "
            + limit
            + " ROWS ONLY",
        List.of(),
        rs -> new RevealRecord(rs.getString(1), rs.getString(2), rs.getLong(3)));
  }
}
