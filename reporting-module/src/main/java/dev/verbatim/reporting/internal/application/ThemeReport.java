package dev.verbatim.reporting.internal.application;

import dev.verbatim.reporting.internal.domain.CommentTerms;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.reporting.internal.domain.ThemeRanking;
import dev.verbatim.reporting.internal.domain.ThemeRanking.RankedTheme;
import dev.verbatim.reporting.internal.domain.ThemeRanking.TermCount;
import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import dev.verbatim.reporting.internal.persistence.CaseTermRepository;
import dev.verbatim.reporting.internal.persistence.WeeklyCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
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

  @Inject CaseTermRepository terms;
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
    Map<String, Long> inPeriod = terms.frequentTerms(period, surveyId);
    long allComments = terms.tokenizedComments();
    if (inPeriod.isEmpty()) {
      return new Result(period, surveyId, allComments, List.of());
    }
    Map<String, Long> ever = terms.everCounts(period, surveyId);
    ReportPeriod previous = period.previous();
    Map<String, Long> before = terms.countsBefore(previous, period, surveyId);
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
    Map<String, long[]> weekly =
        terms.weekly(period, surveyId, ranked.stream().map(RankedTheme::term).toList());
    List<Theme> themes = new ArrayList<>();
    for (RankedTheme t : ranked) {
      themes.add(
          new Theme(
              t.term(),
              t.inPeriod(),
              t.inPreviousPeriod(),
              t.change(),
              t.weight(),
              keyTerms(t.term(), period, surveyId),
              weekly.getOrDefault(t.term(), new long[WeeklyCounts.WEEKS]),
              verbatims.examples(
                  new VerbatimFilter(
                      surveyId, null, null, period, null, null, null, null, null, t.term(), null,
                      1),
                  EXAMPLES)));
    }
    return new Result(period, surveyId, allComments, themes);
  }

  /** Terms that most often share a comment with the theme (not its own words), most first. */
  private List<String> keyTerms(String term, ReportPeriod period, String surveyId) {
    Set<String> own = Set.of(term.split(" "));
    List<String> keyTerms = new ArrayList<>();
    for (String other : terms.coOccurringTerms(term, period, surveyId)) {
      boolean overlaps =
          own.contains(other)
              || (CommentTerms.isPhrase(other)
                  && Set.of(other.split(" ")).stream().anyMatch(own::contains));
      if (keyTerms.size() < KEY_TERMS && !overlaps) {
        keyTerms.add(other);
      }
    }
    return keyTerms;
  }
}
