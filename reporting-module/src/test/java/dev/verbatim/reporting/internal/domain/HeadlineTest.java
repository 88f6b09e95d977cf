package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlineTest {

  @Test
  void anEmptyPeriodHasZerosAndNoSharesInsteadOfDividingByZero() {
    Headline h = Headline.of(HeadlineCounts.empty(), true);
    assertThat(h.responses()).isZero();
    assertThat(h.responseRatePct()).isNull();
    assertThat(h.nps()).isNull();
    assertThat(h.csatPct()).isNull();
    assertThat(h.cesMean()).isNull();
    assertThat(h.repliedPct()).isNull();
    assertThat(h.medianFirstReplyMillis()).isNull();
    assertThat(h.slaMetPct()).isNull();
    assertThat(h.empty()).isTrue();
  }

  @Test
  void slaCountsRepliedAndUnrepliedPastDueCases() {
    long[] nps = new long[11];
    nps[10] = 1;
    nps[3] = 1;
    HeadlineCounts c =
        new HeadlineCounts(
            4,
            2,
            nps,
            0,
            0,
            0,
            0,
            3,
            3,
            2,
            1,
            1,
            1,
            1,
            new long[DurationHistogram.BUCKETS],
            new long[DurationHistogram.BUCKETS]);
    Headline h = Headline.of(c, true);
    assertThat(h.responseRatePct()).isEqualTo(50.0);
    assertThat(h.nps()).isEqualTo(0.0);
    assertThat(h.repliedPct()).isEqualTo(66.7);
    assertThat(h.slaCounted()).isEqualTo(3);
    assertThat(h.slaMetPct()).isEqualTo(33.3);
    assertThat(h.overdueNow()).isEqualTo(1);
  }

  @Test
  void aTeamReportLeavesOutSurveySideFigures() {
    Headline h = Headline.of(HeadlineCounts.empty(), false);
    assertThat(h.responses()).isNull();
    assertThat(h.npsDistribution()).isNull();
  }
}
