package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.platform.api.ModuleEvents;
import dev.verbatim.reporting.internal.domain.CommentTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.List;

/**
 * Writes the terms of a case's comment (rpt_case_term) the first time the case is seen, in the
 * transaction that applies the event, next to {@link FactRecorder}'s case fact. A comment never
 * changes, so later changes of the case leave its terms alone.
 */
@ApplicationScoped
public class CaseTermIndexer {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject ModuleEvents events;

  /** Indexes the case's comment unless its terms are stored already. */
  @Transactional(Transactional.TxType.MANDATORY)
  void indexOnce(CaseSnapshot c) {
    if (!isIndexed(c.caseId())) {
      index(c.caseId(), c.comment(), c.surveyId(), c.openedAt());
    }
  }

  /**
   * Terms written per INSERT statement. A comment's terms go in multi-row inserts: one statement
   * for a typical comment instead of one per term (indexing a new case's terms was 7 % of the
   * server's samples in a submission profile). At most this many distinct statement texts, so
   * Derby's statement cache keeps them all.
   */
  static final int TERMS_PER_INSERT = 16;

  /** Stores the terms of one comment and marks the case as done. */
  public void index(String caseId, String comment, String surveyId, long openedAt) {
    List<String> terms = CommentTerms.of(comment);
    for (int start = 0; start < terms.size(); start += TERMS_PER_INSERT) {
      List<String> chunk = terms.subList(start, Math.min(terms.size(), start + TERMS_PER_INSERT));
      Query insert =
          ReportSql.on(
              em,
              "INSERT INTO rpt_case_term (case_id, term, survey_id, opened_at) VALUES "
                  + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")));
      int parameter = 1;
      for (String term : chunk) {
        insert.setParameter(parameter++, caseId);
        insert.setParameter(parameter++, term);
        insert.setParameter(parameter++, surveyId);
        insert.setParameter(parameter++, openedAt);
      }
      insert.executeUpdate();
    }
    ReportSql.on(em, "INSERT INTO rpt_case_tokenized (case_id, opened_at) VALUES (?, ?)")
        .setParameter(1, caseId)
        .setParameter(2, openedAt)
        .executeUpdate();
  }

  private boolean isIndexed(String caseId) {
    return !ReportSql.on(em, "SELECT 1 FROM rpt_case_tokenized WHERE case_id = ?")
        .setParameter(1, caseId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Indexes up to {@code limit} case facts that have no terms yet (cases recorded before terms
   * existed); returns how many. Several servers start this backfill at once, next to the event log
   * applying new cases: holding the reporting listener first makes them take turns, so each sees
   * what the one before committed and no case is indexed twice (a second insert of its
   * rpt_case_tokenized row would fail the server's start).
   */
  @Transactional
  public int indexMissing(int limit) {
    events.hold(FactRecorder.LISTENER);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        ReportSql.on(
                em,
                "SELECT c.case_id, c.comment_text, c.survey_id, c.opened_at FROM rpt_case c"
                    + " WHERE NOT EXISTS (SELECT 1 FROM rpt_case_tokenized t"
                    + " WHERE t.case_id = c.case_id) ORDER BY c.case_id")
            .setMaxResults(limit)
            .getResultList();
    for (Object[] row : rows) {
      index((String) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue());
    }
    return rows.size();
  }
}
