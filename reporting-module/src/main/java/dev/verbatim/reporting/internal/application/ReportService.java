package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.platform.api.ModuleEvents;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.reporting.internal.domain.Headline;
import dev.verbatim.reporting.internal.domain.HeadlineCounts;
import dev.verbatim.reporting.internal.domain.NetPromoterScore;
import dev.verbatim.reporting.internal.domain.Percentages;
import dev.verbatim.reporting.internal.domain.ReportDefinitions;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.ReportFreshness;
import dev.verbatim.reporting.internal.infrastructure.FactRecorder;
import dev.verbatim.reporting.internal.persistence.ReportDatabase;
import dev.verbatim.reporting.internal.persistence.RollupRecompute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The headline, its weekly trend and its breakdowns, all summed in the database from rollups. */
@ApplicationScoped
public class ReportService {
  @Inject ReportDatabase database;
  @Inject Clock clock;
  @Inject FollowupDirectory followup;
  @Inject StaffDirectory staff;
  @Inject ModuleEvents events;

  public record WeekPoint(LocalDate weekStart, Headline figures) {}

  public record Breakdown(String id, String name, Headline figures) {}

  @JsonbNillable
  public record SegmentRow(
      String segmentValue,
      long invitations,
      long responses,
      Double responseRatePct,
      Double nps,
      long promoters,
      long passives,
      long detractors,
      long comments,
      long replied,
      Double repliedPct,
      long closed,
      Double closedPct) {}

  public record Recomputed(boolean agree, List<RollupRecompute.Comparison> figures) {}

  public Headline headline(ReportFilter f) {
    ReportFreshness freshness = freshness();
    return read(q -> Headline.of(q.headline(f, clock.millis()), !f.narrowsCases(), freshness));
  }

  /** How current the figures are: the newest event applied to them, and how many still wait. */
  public ReportFreshness freshness() {
    return events
        .progress(FactRecorder.LISTENER)
        .map(p -> ReportFreshness.of(p.lastEventAt(), p.backlog(), p.oldestWaitingAt()))
        .orElseGet(ReportFreshness::unknown);
  }

  public List<WeekPoint> trend(ReportFilter f) {
    return read(
        q -> {
          List<WeekPoint> points = new ArrayList<>();
          for (Map.Entry<Integer, HeadlineCounts> e : q.weekly(f, clock.millis()).entrySet()) {
            LocalDate monday = LocalDate.ofEpochDay(e.getKey() * 7L - 3);
            points.add(new WeekPoint(monday, Headline.of(e.getValue(), !f.narrowsCases())));
          }
          return points;
        });
  }

  public List<SegmentRow> segments(ReportFilter f, String attribute) {
    return read(
        q ->
            q.segments(f, attribute).stream()
                .map(
                    s ->
                        new SegmentRow(
                            s.segmentValue(),
                            s.invitations(),
                            s.responses(),
                            ReportDefinitions.responseRate(s.responses(), s.invitations()),
                            new NetPromoterScore(s.promoters(), s.passives(), s.detractors())
                                .score(),
                            s.promoters(),
                            s.passives(),
                            s.detractors(),
                            s.cases(),
                            s.replied(),
                            Percentages.of(s.replied(), s.cases()),
                            s.closed(),
                            Percentages.of(s.closed(), s.cases())))
                .toList());
  }

  public List<Breakdown> owners(ReportFilter f) {
    return read(
        q -> {
          List<Breakdown> rows = new ArrayList<>();
          q.byCaseColumn(f, clock.millis(), "owner_id")
              .forEach(
                  (id, counts) ->
                      rows.add(
                          new Breakdown(
                              id,
                              staff
                                  .findById(id)
                                  .map(StaffUser::displayName)
                                  .orElse(id.isEmpty() ? "(no owner)" : id),
                              Headline.of(counts, false))));
          return rows;
        });
  }

  public List<Breakdown> teams(ReportFilter f) {
    Map<String, String> names = followup.teamNames();
    return read(
        q -> {
          List<Breakdown> rows = new ArrayList<>();
          q.byCaseColumn(f, clock.millis(), "team_id")
              .forEach(
                  (id, counts) ->
                      rows.add(
                          new Breakdown(
                              id,
                              names.getOrDefault(id, id.isEmpty() ? "(no team)" : id),
                              Headline.of(counts, false))));
          return rows;
        });
  }

  /** Recomputes every rollup from the facts, compares with the incremental ones, then replaces. */
  @Transactional
  public Recomputed recompute() {
    // the facts and rollups stay still meanwhile: no batch of events is applied until this commits
    events.hold(FactRecorder.LISTENER);
    List<RollupRecompute.Comparison> figures = database.recomputeRollups();
    return new Recomputed(figures.stream().allMatch(RollupRecompute.Comparison::agree), figures);
  }

  /** Runs report queries on a connection of its own (read only, no transaction needed). */
  public <T> T read(ReportDatabase.Query<T> work) {
    return database.read(work);
  }

  /** Streams fact rows (CSV exports) on a connection of its own. */
  public void export(ReportDatabase.Export work) {
    database.export(work);
  }
}
