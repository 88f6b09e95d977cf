package dev.verbatim.reporting.internal.application;

import dev.verbatim.reporting.internal.domain.CommentTerms;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.reporting.internal.domain.ThemeRanking;
import dev.verbatim.reporting.internal.domain.ThemeRanking.RankedTheme;
import dev.verbatim.reporting.internal.domain.ThemeRanking.TermCount;
import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recurring problems found in the comments of a period: terms ranked by {@link ThemeRanking}, each
 * with the terms that come with it, its weekly counts and three example verbatims. All counting is
 * done in the database over the term table.
 */
@ApplicationScoped
public class ThemeReport {
  static final int THEMES = 10;
  static final int KEY_TERMS = 5;
  static final int EXAMPLES = 3;

  @Inject ReportJdbc jdbc;
  @Inject VerbatimService verbatims;

  public record Theme(
      String term,
      long comments,
      long previousComments,
      long change,
      double weight,
      List<String> keyTerms,
      long[] weekly,
      List<Verbatim> examples) {}

  public record Result(
      ReportPeriod period, String surveyId, long allComments, List<Theme> themes) {}

  public Result report(ReportPeriod period, String surveyId) {
    String survey = surveyId == null ? "" : " AND survey_id = ?";
    List<Object> surveyParam = surveyId == null ? List.of() : List.of(surveyId);
    Map<String, Long> inPeriod =
        termCounts(period, survey, surveyParam, " HAVING COUNT(*) >= " + ThemeRanking.MIN_COMMENTS);
    long allComments = jdbc.count("SELECT COUNT(*) FROM rpt_case_tokenized", List.of());
    if (inPeriod.isEmpty()) {
      return new Result(period, surveyId, allComments, List.of());
    }
    String candidates =
        " AND term IN (SELECT term FROM rpt_case_term WHERE opened_at >= ? AND opened_at < ?"
            + survey
            + " GROUP BY term HAVING COUNT(*) >= "
            + ThemeRanking.MIN_COMMENTS
            + ")";
    List<Object> candidateParams = new ArrayList<>();
    candidateParams.add(period.startMillis());
    candidateParams.add(period.endMillis());
    candidateParams.addAll(surveyParam);
    Map<String, Long> ever = new HashMap<>();
    jdbc.each(
        "SELECT term, COUNT(*) FROM rpt_case_term WHERE 1 = 1" + candidates + " GROUP BY term",
        candidateParams,
        rs -> ever.put(rs.getString(1), rs.getLong(2)));
    ReportPeriod previous = period.previous();
    List<Object> previousParams = new ArrayList<>(surveyParam);
    previousParams.addAll(candidateParams);
    Map<String, Long> before = termCounts(previous, survey + candidates, previousParams, "");
    List<TermCount> counts =
        inPeriod.entrySet().stream()
            .map(
                e ->
                    new TermCount(
                        e.getKey(),
                        e.getValue(),
                        before.getOrDefault(e.getKey(), 0L),
                        ever.getOrDefault(e.getKey(), e.getValue())))
            .toList();
    List<RankedTheme> ranked = ThemeRanking.rank(counts, allComments, THEMES);
    Map<String, long[]> weekly = weekly(period, survey, surveyParam, ranked);
    List<Theme> themes = new ArrayList<>();
    for (RankedTheme t : ranked) {
      themes.add(
          new Theme(
              t.term(),
              t.inPeriod(),
              t.inPreviousPeriod(),
              t.change(),
              t.weight(),
              keyTerms(t.term(), period, survey, surveyParam),
              weekly.getOrDefault(t.term(), new long[WeeklyCounts.WEEKS]),
              verbatims.examples(
                  new VerbatimFilter(
                      surveyId, null, null, period, null, null, null, null, null, t.term(), null,
                      1),
                  EXAMPLES)));
    }
    return new Result(period, surveyId, allComments, themes);
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

  /** Terms that most often share a comment with the theme (not its own words), most first. */
  private List<String> keyTerms(
      String term, ReportPeriod period, String survey, List<Object> surveyParam) {
    List<Object> params = new ArrayList<>();
    params.add(term);
    params.add(period.startMillis());
    params.add(period.endMillis());
    params.addAll(surveyParam);
    Set<String> own = Set.of(term.split(" "));
    List<String> terms = new ArrayList<>();
    jdbc.each(
        "SELECT o.term, COUNT(*) AS n FROM rpt_case_term t JOIN rpt_case_term o"
            + " ON o.case_id = t.case_id AND o.term <> t.term"
            + " WHERE t.term = ? AND t.opened_at >= ? AND t.opened_at < ?"
            + survey.replace("survey_id", "t.survey_id")
            + " GROUP BY o.term ORDER BY n DESC, o.term FETCH FIRST 30 ROWS ONLY",
        params,
        rs -> {
          String other = rs.getString(1);
          boolean overlaps =
              own.contains(other)
                  || (CommentTerms.isPhrase(other)
                      && Set.of(other.split(" ")).stream().anyMatch(own::contains));
          if (terms.size() < KEY_TERMS && !overlaps) {
            terms.add(other);
          }
        });
    return terms;
  }

  private Map<String, long[]> weekly(
      ReportPeriod period, String survey, List<Object> surveyParam, List<RankedTheme> ranked) {
    if (ranked.isEmpty()) {
      return Map.of();
    }
    List<Object> params = new ArrayList<>(surveyParam);
    StringBuilder in = new StringBuilder(survey + " AND term IN (");
    for (int i = 0; i < ranked.size(); i++) {
      in.append(i == 0 ? "?" : ", ?");
      params.add(ranked.get(i).term());
    }
    in.append(")");
    return WeeklyCounts.of(
        jdbc, "rpt_case_term", "term", period.endMillis(), in.toString(), params);
  }
}
