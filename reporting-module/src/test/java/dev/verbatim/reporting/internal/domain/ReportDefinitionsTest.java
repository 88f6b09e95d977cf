package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportDefinitionsTest {

  @Test
  void responseRateIsResponsesOverInvitations() {
    assertThat(ReportDefinitions.responseRate(3, 8)).isEqualTo(37.5);
    assertThat(ReportDefinitions.responseRate(0, 0)).isNull();
  }

  @Test
  void npsIsPromoterShareMinusDetractorShare() {
    // 3 promoters, 1 passive, 4 detractors of 8: 37.5 - 50 = -12.5
    assertThat(ReportDefinitions.nps(3, 1, 4)).isEqualTo(-12.5);
    assertThat(ReportDefinitions.nps(1, 0, 0)).isEqualTo(100.0);
    assertThat(ReportDefinitions.nps(0, 0, 0)).isNull();
    assertThat(ReportDefinitions.isPromoter(9)).isTrue();
    assertThat(ReportDefinitions.isPromoter(8)).isFalse();
    assertThat(ReportDefinitions.isDetractor(6)).isTrue();
    assertThat(ReportDefinitions.isDetractor(7)).isFalse();
  }

  @Test
  void csatIsTheShareOfFoursAndFives() {
    assertThat(ReportDefinitions.isCsatSatisfied(4)).isTrue();
    assertThat(ReportDefinitions.isCsatSatisfied(3)).isFalse();
    assertThat(ReportDefinitions.csat(2, 3)).isEqualTo(66.7);
    assertThat(ReportDefinitions.csat(0, 0)).isNull();
  }

  @Test
  void cesIsTheMeanWithTwoDecimals() {
    // answers 2, 3, 3 -> 8 / 3 = 2.67
    assertThat(ReportDefinitions.ces(8, 3)).isEqualTo(2.67);
    assertThat(ReportDefinitions.ces(5, 1)).isEqualTo(5.0);
    assertThat(ReportDefinitions.ces(0, 0)).isNull();
  }

  @Test
  void closureSharesAreOfComments() {
    assertThat(ReportDefinitions.routed(4, 4)).isEqualTo(100.0);
    assertThat(ReportDefinitions.replied(3, 4)).isEqualTo(75.0);
    assertThat(ReportDefinitions.closed(1, 3)).isEqualTo(33.3);
    assertThat(ReportDefinitions.replied(0, 0)).isNull();
  }

  @Test
  void slaIsMetByAFirstReplyAtOrBeforeTheDueTime() {
    assertThat(ReportDefinitions.metSla(100L, 100L)).isTrue();
    assertThat(ReportDefinitions.metSla(101L, 100L)).isFalse();
    assertThat(ReportDefinitions.metSla(null, 100L)).isFalse();
    // 2 met of 3 replied + 1 unreplied past due
    assertThat(ReportDefinitions.slaMet(2, 4)).isEqualTo(50.0);
    assertThat(ReportDefinitions.slaMet(0, 0)).isNull();
  }

  @Test
  void overdueMeansOpenUnrepliedAndPastDue() {
    assertThat(ReportDefinitions.isOverdue("OPEN", null, 99L, 100)).isTrue();
    assertThat(ReportDefinitions.isOverdue("OPEN", null, 100L, 100)).isFalse();
    assertThat(ReportDefinitions.isOverdue("OPEN", 50L, 99L, 100)).isFalse();
    assertThat(ReportDefinitions.isOverdue("CLOSED", null, 99L, 100)).isFalse();
  }
}
