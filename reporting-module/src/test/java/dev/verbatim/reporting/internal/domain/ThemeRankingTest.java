package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.reporting.internal.domain.ThemeRanking.RankedTheme;
import dev.verbatim.reporting.internal.domain.ThemeRanking.TermCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeRankingTest {

  @Test
  void phrasesOutrankTheirWordsAndCommonWordsSinkDeterministically() {
    // 100 comments in all; "delivery late" in 5 of this period (6 ever), "delivery" 6 (20 ever),
    // "late" 5 (6 ever), "service" 8 (90 ever: nearly everyone says it), "refund" 2 (2 ever).
    List<TermCount> counts =
        List.of(
            new TermCount("service", 8, 8, 90),
            new TermCount("late", 5, 1, 6),
            new TermCount("delivery", 6, 2, 20),
            new TermCount("delivery late", 5, 1, 6),
            new TermCount("refund", 2, 0, 2),
            new TermCount("once", 1, 0, 1));
    List<RankedTheme> themes = ThemeRanking.rank(counts, 100, 10);
    // delivery late: 5 × ln(101/6) × 2 = 28.234; late covered by the phrase; refund 2 × ln(50.5) =
    // 7.8; delivery 6 × ln(5.05) = 9.7 but 5 ≥ 0.8 × 6 so covered; service 8 × ln(1.12) = 0.9.
    assertThat(themes)
        .extracting(RankedTheme::term)
        .containsExactly("delivery late", "refund", "service");
    assertThat(themes.get(0).weight()).isEqualTo(28.234);
    assertThat(themes.get(0).change()).isEqualTo(4);
    assertThat(ThemeRanking.rank(reversed(counts), 100, 10)).isEqualTo(themes);
  }

  private static List<TermCount> reversed(List<TermCount> counts) {
    List<TermCount> copy = new java.util.ArrayList<>(counts);
    java.util.Collections.reverse(copy);
    return copy;
  }

  @Test
  void noCommentsNoThemes() {
    assertThat(ThemeRanking.rank(List.of(), 0, 10)).isEmpty();
  }
}
