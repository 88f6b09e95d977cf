package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.platform.api.ModuleEvents;
import dev.verbatim.reporting.internal.domain.CommentTerms;
import dev.verbatim.reporting.internal.persistence.CaseTermRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes the terms of a case's comment (rpt_case_term) the first time the case is seen, in the
 * transaction that applies the event, next to {@link FactRecorder}'s case fact. A comment never
 * changes, so later changes of the case leave its terms alone.
 */
@ApplicationScoped
public class CaseTermIndexer {
  @Inject CaseTermRepository terms;

  @Inject ModuleEvents events;

  /** Indexes the case's comment unless its terms are stored already. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void indexOnce(CaseSnapshot c) {
    if (!isIndexed(c.caseId())) {
      index(c.caseId(), c.comment(), c.surveyId(), c.openedAt());
    }
  }

  /** Stores the terms of one comment and marks the case as done. */
  public void index(String caseId, String comment, String surveyId, long openedAt) {
    terms.index(caseId, CommentTerms.of(comment), surveyId, openedAt);
  }

  private boolean isIndexed(String caseId) {
    return terms.isIndexed(caseId);
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
    List<CaseTermRepository.UnindexedCase> rows = terms.unindexedCases(limit);
    for (CaseTermRepository.UnindexedCase row : rows) {
      index(row.caseId(), row.comment(), row.surveyId(), row.openedAt());
    }
    return rows.size();
  }
}
