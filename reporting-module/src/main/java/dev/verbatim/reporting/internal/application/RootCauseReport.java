package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.reporting.internal.domain.Pareto;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Root causes of the cases opened in a period, as a Pareto, with each cause's weekly counts over
 * the last eight weeks of the period.
 */
@ApplicationScoped
public class RootCauseReport {
  @Inject ReportJdbc jdbc;
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
    StringBuilder where = new StringBuilder(" AND root_cause IS NOT NULL");
    List<Object> params = new ArrayList<>();
    if (surveyId != null) {
      where.append(" AND survey_id = ?");
      params.add(surveyId);
    }
    if (teamId != null) {
      where.append(" AND team_id = ?");
      params.add(teamId);
    }
    List<Object> counted = new ArrayList<>();
    counted.add(period.startMillis());
    counted.add(period.endMillis());
    counted.addAll(params);
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.each(
        "SELECT root_cause, COUNT(*) FROM rpt_case WHERE opened_at >= ? AND opened_at < ?"
            + where
            + " GROUP BY root_cause",
        counted,
        rs -> counts.put(rs.getString(1), rs.getLong(2)));
    Map<String, long[]> weekly =
        WeeklyCounts.of(
            jdbc, "rpt_case", "root_cause", period.endMillis(), where.toString(), params);
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
