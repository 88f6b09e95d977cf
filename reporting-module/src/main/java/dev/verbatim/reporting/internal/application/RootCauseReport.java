package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.reporting.internal.domain.Pareto;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.reporting.internal.persistence.CaseFactRepository;
import dev.verbatim.reporting.internal.persistence.WeeklyCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Root causes of the cases opened in a period, as a Pareto, with each cause's weekly counts over
 * the last eight weeks of the period.
 */
@ApplicationScoped
public class RootCauseReport {
  @Inject CaseFactRepository cases;
  @Inject FollowupDirectory followup;

  public record Cause(
      String code,
      String label,
      long count,
      double sharePct,
      double cumulativePct,
      long[] weekly) {}

  public record Result(
      ReportPeriod period, String surveyId, String teamId, long total, List<Cause> causes) {}

  public Result report(ReportPeriod period, String surveyId, String teamId) {
    CaseFactRepository.RootCauseCounts found = cases.rootCauses(period, surveyId, teamId);
    Map<String, Long> counts = found.counts();
    Map<String, long[]> weekly = found.weekly();
    Map<String, String> labels = followup.rootCauseLabels();
    List<Cause> causes =
        Pareto.of(counts).stream()
            .map(
                bar ->
                    new Cause(
                        bar.code(),
                        labels.getOrDefault(bar.code(), bar.code()),
                        bar.count(),
                        bar.sharePct(),
                        bar.cumulativePct(),
                        weekly.getOrDefault(bar.code(), new long[WeeklyCounts.WEEKS])))
            .toList();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new Result(period, surveyId, teamId, total, causes);
  }
}
