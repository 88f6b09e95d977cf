package dev.verbatim.reporting.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.followup.api.ClosureCounts;
import dev.verbatim.reporting.internal.domain.SurveyReport;
import dev.verbatim.survey.api.SurveyCounts;
import dev.verbatim.survey.api.SurveySummary;
import org.junit.jupiter.api.Test;

class SurveyReportServiceTest {
  private static final SurveySummary SURVEY = new SurveySummary("s1", "Check-in", "PUBLISHED");

  @Test
  void scoresAndClosureAreComposedFromTheCounts() {
    // 10 invited, 4 answered: 2 promoters, 1 passive, 1 detractor; 3 comments, 2 replied, 1 closed.
    SurveyReport report =
        SurveyReportService.compose(
            SURVEY, new SurveyCounts(10, 4, 2, 1, 1), new ClosureCounts(3, 3, 2, 1, 90_000L));
    assertThat(report.responseRatePct()).isEqualTo(40.0);
    assertThat(report.nps().score()).isEqualTo(25.0);
    assertThat(report.nps().answered()).isEqualTo(4);
    assertThat(report.routedPct()).isEqualTo(100.0);
    assertThat(report.repliedPct()).isEqualTo(66.7);
    assertThat(report.closedPct()).isEqualTo(33.3);
    assertThat(report.medianFirstReplyMinutes()).isEqualTo(2);
  }

  @Test
  void anEmptySurveyReportsZerosAndNoSharesInsteadOfDividingByZero() {
    SurveyReport report =
        SurveyReportService.compose(
            SURVEY, new SurveyCounts(0, 0, 0, 0, 0), new ClosureCounts(0, 0, 0, 0, null));
    assertThat(report.responses()).isZero();
    assertThat(report.responseRatePct()).isNull();
    assertThat(report.nps().score()).isNull();
    assertThat(report.routedPct()).isNull();
    assertThat(report.medianFirstReplyMinutes()).isNull();
  }

  @Test
  void aSingleResponseIsItsOwnMedianAndScore() {
    SurveyReport report =
        SurveyReportService.compose(
            SURVEY, new SurveyCounts(1, 1, 0, 0, 1), new ClosureCounts(1, 1, 1, 0, 600_000L));
    assertThat(report.nps().score()).isEqualTo(-100.0);
    assertThat(report.responseRatePct()).isEqualTo(100.0);
    assertThat(report.medianFirstReplyMinutes()).isEqualTo(10);
  }
}
