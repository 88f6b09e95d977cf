package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.reporting.internal.domain.ThemeRanking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over the comment terms (rpt_case_term, rpt_case_tokenized) for the theme report, all
 * counted in the database; a survey id of null means every survey.
 */
@ApplicationScoped
public class CaseTermRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject ReportJdbc jdbc;

  /** A case fact whose comment has no terms yet. */
  public record UnindexedCase(String caseId, String comment, String surveyId, long openedAt) {}

  /**
   * Terms written per INSERT statement. A comment's terms go in multi-row inserts: one statement
   * for a typical comment instead of one per term (indexing a new case's terms was 7 % of the
   * server's samples in a submission profile). At most this many distinct statement texts, so
   * Derby's statement cache keeps them all.
   */
  static final int TERMS_PER_INSERT = 16;

  /** Stores the terms of one comment and marks the case as done, in the caller's transaction. */
  public void index(String caseId, List<String> terms, String surveyId, long openedAt) {
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

  /** Whether the case's terms are stored already. */
  public boolean isIndexed(String caseId) {
    return !ReportSql.on(em, "SELECT 1 FROM rpt_case_tokenized WHERE case_id = ?")
        .setParameter(1, caseId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Up to {@code limit} case facts that have no terms yet, by case id. */
  public List<UnindexedCase> unindexedCases(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        ReportSql.on(
                em,
                "SELECT c.case_id, c.comment_text, c.survey_id, c.opened_at FROM rpt_case c"
                    + " WHERE NOT EXISTS (SELECT 1 FROM rpt_case_tokenized t"
                    + " WHERE t.case_id = c.case_id) ORDER BY c.case_id")
            .setMaxResults(limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new UnindexedCase(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).longValue()))
        .toList();
  }

  /** How many comments have been split into terms. */
  public long tokenizedComments() {
    return jdbc.count("SELECT COUNT(*) FROM rpt_case_tokenized", List.of());
  }

  /** The terms of the period found in at least {@link ThemeRanking#MIN_COMMENTS} comments. */
  public Map<String, Long> frequentTerms(ReportPeriod period, String surveyId) {
    return termCounts(
        period,
        survey(surveyId),
        surveyParam(surveyId),
        " HAVING COUNT(*) >= " + ThemeRanking.MIN_COMMENTS);
  }

  /** The comments of all time of each term that is frequent in the period. */
  public Map<String, Long> everCounts(ReportPeriod period, String surveyId) {
    Map<String, Long> ever = new HashMap<>();
    jdbc.each(
        "SELECT term, COUNT(*) FROM rpt_case_term WHERE 1 = 1"
            + candidates(surveyId)
            + " GROUP BY term",
        candidateParams(period, surveyId),
        rs -> ever.put(rs.getString(1), rs.getLong(2)));
    return ever;
  }

  /** The comments in {@code previous} of each term that is frequent in {@code period}. */
  public Map<String, Long> countsBefore(
      ReportPeriod previous, ReportPeriod period, String surveyId) {
    List<Object> previousParams = new ArrayList<>(surveyParam(surveyId));
    previousParams.addAll(candidateParams(period, surveyId));
    return termCounts(previous, survey(surveyId) + candidates(surveyId), previousParams, "");
  }

  /**
   * Terms that most often share a comment of the period with the given one, most first (up to 30).
   */
  public List<String> coOccurringTerms(String term, ReportPeriod period, String surveyId) {
    List<Object> params = new ArrayList<>();
    params.add(term);
    params.add(period.startMillis());
    params.add(period.endMillis());
    params.addAll(surveyParam(surveyId));
    return jdbc.list(
        "SELECT o.term, COUNT(*) AS n FROM rpt_case_term t JOIN rpt_case_term o"
            + " ON o.case_id = t.case_id AND o.term <> t.term"
            + " WHERE t.term = ? AND t.opened_at >= ? AND t.opened_at < ?"
            + survey(surveyId).replace("survey_id", "t.survey_id")
            + " GROUP BY o.term ORDER BY n DESC, o.term FETCH FIRST 30 ROWS ONLY",
        params,
        rs -> rs.getString(1));
  }

  /** Weekly comment counts of the given terms over the last weeks of the period. */
  public Map<String, long[]> weekly(ReportPeriod period, String surveyId, List<String> terms) {
    if (terms.isEmpty()) {
      return Map.of();
    }
    List<Object> params = new ArrayList<>(surveyParam(surveyId));
    StringBuilder in = new StringBuilder(survey(surveyId) + " AND term IN (");
    for (int i = 0; i < terms.size(); i++) {
      in.append(i == 0 ? "?" : ", ?");
      params.add(terms.get(i));
    }
    in.append(")");
    return WeeklyCounts.of(
        jdbc, "rpt_case_term", "term", period.endMillis(), in.toString(), params);
  }

  /** The terms of the period with their comment counts. */
  private Map<String, Long> termCounts(
      ReportPeriod period, String where, List<Object> whereParams, String having) {
    List<Object> params = new ArrayList<>();
    params.add(period.startMillis());
    params.add(period.endMillis());
    params.addAll(whereParams);
    Map<String, Long> counts = new HashMap<>();
    jdbc.each(
        "SELECT term, COUNT(*) FROM rpt_case_term WHERE opened_at >= ? AND opened_at < ?"
            + where
            + " GROUP BY term"
            + having,
        params,
        rs -> counts.put(rs.getString(1), rs.getLong(2)));
    return counts;
  }

  private static String survey(String surveyId) {
    return surveyId == null ? "" : " AND survey_id = ?";
  }

  private static List<Object> surveyParam(String surveyId) {
    return surveyId == null ? List.of() : List.of(surveyId);
  }

  /** Terms found in at least the minimum of comments of the period. */
  private static String candidates(String surveyId) {
    return " AND term IN (SELECT term FROM rpt_case_term WHERE opened_at >= ? AND opened_at < ?"
        + survey(surveyId)
        + " GROUP BY term HAVING COUNT(*) >= "
        + ThemeRanking.MIN_COMMENTS
        + ")";
  }

  private static List<Object> candidateParams(ReportPeriod period, String surveyId) {
    List<Object> candidateParams = new ArrayList<>();
    candidateParams.add(period.startMillis());
    candidateParams.add(period.endMillis());
    candidateParams.addAll(surveyParam(surveyId));
    return candidateParams;
  }
}
