package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.ClosureCounts;
import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.reporting.internal.domain.NetPromoterScore;
import dev.verbatim.reporting.internal.domain.Percentages;
import dev.verbatim.reporting.internal.domain.SurveyReport;
import dev.verbatim.survey.api.SurveyCounts;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Puts a survey's scores and its loop-closure figures side by side; all counting happens in the
 * database.
 */
@ApplicationScoped
public class SurveyReportService {
  @Inject SurveyDirectory surveys;
  @Inject FollowupDirectory followup;

  public SurveyReport report(String surveyId) {
    SurveySummary survey =
        surveys
            .survey(surveyId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException("There is no survey with id " + surveyId + "."));
    return compose(survey, surveys.counts(surveyId), followup.closureCounts(surveyId));
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
