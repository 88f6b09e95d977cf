package dev.verbatim.reporting.internal.domain;

/**
 * The headline for one survey: scores next to loop closure. Definitions: response rate = responses
 * / invitations; routed, replied and closed % = cases in that state / comments; median first reply
 * = median of (first reply time - comment time) over replied cases. Every share is null when its
 * denominator is zero.
 */
public record SurveyReport(
    String surveyId,
    String title,
    long invitations,
    long responses,
    Double responseRatePct,
    Nps nps,
    long comments,
    Double routedPct,
    Double repliedPct,
    Double closedPct,
    Long medianFirstReplyMinutes,
    Long medianFirstReplyMillis) {

  public record Nps(Double score, long promoters, long passives, long detractors, long answered) {
    public static Nps of(NetPromoterScore nps) {
      return new Nps(
          nps.score(), nps.promoters(), nps.passives(), nps.detractors(), nps.answered());
    }
  }
}
