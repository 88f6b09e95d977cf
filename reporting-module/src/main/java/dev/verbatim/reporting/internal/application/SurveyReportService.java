package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.ClosureCounts;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.reporting.internal.domain.Headline;
import dev.verbatim.reporting.internal.domain.NetPromoterScore;
import dev.verbatim.reporting.internal.domain.Percentages;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.SurveyReport;
import dev.verbatim.survey.api.SurveyCounts;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One survey's scores and loop-closure figures side by side, read from the report rollups (the
 * median first reply exactly, from the case facts).
 */
@ApplicationScoped
public class SurveyReportService {
  @Inject SurveyDirectory surveys;
  @Inject ReportService reports;

  public SurveyReport report(String surveyId) {
    SurveySummary survey =
        surveys
            .survey(surveyId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException("There is no survey with id " + surveyId + "."));
    Headline h = reports.headline(new ReportFilter(surveyId, null, null, null, null));
    Long exactMedian = reports.read(q -> q.exactMedianFirstReply(surveyId));
    return compose(
        survey,
        new SurveyCounts(
            h.invitations(), h.responses(), h.promoters(), h.passives(), h.detractors()),
        new ClosureCounts(h.comments(), h.routed(), h.replied(), h.closed(), exactMedian));
  }

  static SurveyReport compose(SurveySummary survey, SurveyCounts counts, ClosureCounts closure) {
    NetPromoterScore nps =
        new NetPromoterScore(counts.promoters(), counts.passives(), counts.detractors());
    Long median = closure.medianFirstReplyMillis();
    return new SurveyReport(
        survey.id(),
        survey.title(),
        counts.invitations(),
        counts.responses(),
        Percentages.of(counts.responses(), counts.invitations()),
        SurveyReport.Nps.of(nps),
        closure.comments(),
        Percentages.of(closure.routed(), closure.comments()),
        Percentages.of(closure.replied(), closure.comments()),
        Percentages.of(closure.closed(), closure.comments()),
        median == null ? null : Math.round(median / 60_000.0),
        median);
  }
}
