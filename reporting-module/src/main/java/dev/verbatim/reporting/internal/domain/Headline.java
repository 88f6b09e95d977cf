package dev.verbatim.reporting.internal.domain;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.Arrays;
import java.util.List;

/**
 * The headline figures side by side, as defined in {@link ReportDefinitions}. Null means "nothing
 * to compute it from" (or, for survey-side figures, a team/owner report).
 */
@JsonbNillable
public record Headline(
    Long invitations,
    Long responses,
    Double responseRatePct,
    Double nps,
    Long promoters,
    Long passives,
    Long detractors,
    List<Long> npsDistribution,
    Double csatPct,
    Long csatAnswers,
    Double cesMean,
    Long cesAnswers,
    long comments,
    long routed,
    Double routedPct,
    long replied,
    Double repliedPct,
    long closed,
    Double closedPct,
    Long medianFirstReplyMillis,
    Long p90FirstReplyMillis,
    Long medianCloseMillis,
    Long p90CloseMillis,
    long slaMet,
    long slaCounted,
    Double slaMetPct,
    long overdueNow,
    boolean empty,
    ReportFreshness freshness) {

  public static Headline of(HeadlineCounts c, boolean withSurveySide) {
    return of(c, withSurveySide, null);
  }

  /**
   * @param freshness how current the figures are; given for the top-level headline, not its parts
   */
  public static Headline of(HeadlineCounts c, boolean withSurveySide, ReportFreshness freshness) {
    long slaCounted = c.replied() + c.unrepliedPastDue();
    return new Headline(
        withSurveySide ? c.invitations() : null,
        withSurveySide ? c.responses() : null,
        withSurveySide ? ReportDefinitions.responseRate(c.responses(), c.invitations()) : null,
        withSurveySide ? ReportDefinitions.nps(c.promoters(), c.passives(), c.detractors()) : null,
        withSurveySide ? c.promoters() : null,
        withSurveySide ? c.passives() : null,
        withSurveySide ? c.detractors() : null,
        withSurveySide ? Arrays.stream(c.npsScores()).boxed().toList() : null,
        withSurveySide ? ReportDefinitions.csat(c.csatSatisfied(), c.csatAnswers()) : null,
        withSurveySide ? c.csatAnswers() : null,
        withSurveySide ? ReportDefinitions.ces(c.cesSum(), c.cesAnswers()) : null,
        withSurveySide ? c.cesAnswers() : null,
        c.cases(),
        c.owned(),
        ReportDefinitions.routed(c.owned(), c.cases()),
        c.replied(),
        ReportDefinitions.replied(c.replied(), c.cases()),
        c.closed(),
        ReportDefinitions.closed(c.closed(), c.cases()),
        DurationHistogram.percentile(c.replyTimes(), 0.5),
        DurationHistogram.percentile(c.replyTimes(), 0.9),
        DurationHistogram.percentile(c.closeTimes(), 0.5),
        DurationHistogram.percentile(c.closeTimes(), 0.9),
        c.slaMet(),
        slaCounted,
        ReportDefinitions.slaMet(c.slaMet(), slaCounted),
        c.overdueNow(),
        withSurveySide ? c.responses() == 0 : c.cases() == 0,
        freshness);
  }
}
