package dev.verbatim.reporting.internal.application;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Shows one comment unmasked to an authorised member of staff, and records that they saw it. */
@ApplicationScoped
public class RevealService {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject VerbatimService verbatims;
  @Inject ReportJdbc jdbc;
  @Inject Clock clock;

  public record Revealed(String caseId, String text, long revealedAt, String revealedBy) {}

  public record RevealRecord(String caseId, String staffName, long revealedAt) {}

  @Transactional
  public Revealed reveal(String caseId, StaffUser who) {
    String text =
        verbatims
            .originalText(caseId)
            .orElseThrow(
                () -> new ResourceNotFoundException("There is no case with id " + caseId + "."));
    long now = clock.millis();
    em.createNativeQuery(
            "INSERT INTO rpt_reveal (id, case_id, staff_id, staff_name, revealed_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, Ids.newId())
        .setParameter(2, caseId)
        .setParameter(3, who.id())
        .setParameter(4, who.displayName())
        .setParameter(5, now)
        .executeUpdate();
    return new Revealed(caseId, text, now, who.displayName());
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
