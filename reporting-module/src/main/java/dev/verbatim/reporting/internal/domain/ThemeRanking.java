package dev.verbatim.reporting.internal.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the themes of a period from term counts, the same way every time:
 *
 * <ol>
 *   <li>a term is a candidate when at least {@link #MIN_COMMENTS} comments of the period contain
 *       it;
 *   <li>its weight is {@code comments in the period × ln((all comments + 1) / comments ever
 *       containing it)}: frequent now, but not a word every comment uses; a two-word phrase weighs
 *       double, because "delivery late" says more than "delivery";
 *   <li>highest weight first, ties by more comments, then alphabetically;
 *   <li>a single word is left out when an already chosen phrase containing it covers at least
 *       {@link #PHRASE_COVERAGE} of its comments (the phrase already tells that story).
 * </ol>
 */
public final class ThemeRanking {
  public static final int MIN_COMMENTS = 2;
  public static final double PHRASE_COVERAGE = 0.8;

  /** A term with its counts: in the period, in the previous period of equal length, and ever. */
  public record TermCount(String term, long inPeriod, long inPreviousPeriod, long ever) {}

  /** A chosen theme with its weight (rounded to 3 decimals for display and JSON). */
  public record RankedTheme(String term, long inPeriod, long inPreviousPeriod, double weight) {
    public long change() {
      return inPeriod - inPreviousPeriod;
    }
  }

  private ThemeRanking() {}

  public static double weight(TermCount t, long allComments) {
    if (t.inPeriod() == 0 || t.ever() == 0) {
      return 0;
    }
    double idf = Math.log((allComments + 1.0) / t.ever());
    return t.inPeriod() * idf * (CommentTerms.isPhrase(t.term()) ? 2 : 1);
  }

  public static List<RankedTheme> rank(List<TermCount> counts, long allComments, int limit) {
    List<TermCount> candidates =
        counts.stream()
            .filter(t -> t.inPeriod() >= MIN_COMMENTS)
            .sorted(
                Comparator.comparingDouble((TermCount t) -> -weight(t, allComments))
                    .thenComparing(t -> -t.inPeriod())
                    .thenComparing(TermCount::term))
            .toList();
    List<RankedTheme> chosen = new ArrayList<>();
    for (TermCount t : candidates) {
      if (chosen.size() >= limit) {
        break;
      }
      if (!CommentTerms.isPhrase(t.term()) && coveredByPhrase(t, chosen)) {
        continue;
      }
      chosen.add(
          new RankedTheme(
              t.term(),
              t.inPeriod(),
              t.inPreviousPeriod(),
              Math.round(weight(t, allComments) * 1000) / 1000.0));
    }
    return chosen;
  }

  private static boolean coveredByPhrase(TermCount word, List<RankedTheme> chosen) {
    for (RankedTheme theme : chosen) {
      if (CommentTerms.isPhrase(theme.term())
          && List.of(theme.term().split(" ")).contains(word.term())
          && theme.inPeriod() >= PHRASE_COVERAGE * word.inPeriod()) {
        return true;
      }
    }
    return false;
  }
}
