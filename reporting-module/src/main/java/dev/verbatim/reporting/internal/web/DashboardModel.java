package dev.verbatim.reporting.internal.web;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.reporting.internal.application.ReportService;
import dev.verbatim.reporting.internal.domain.Headline;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.ReportFreshness;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the dashboard page shows: figures with their verbatims links, charts, tables, CSV links. */
@ApplicationScoped
public class DashboardModel {
  @Inject ReportService reports;
  @Inject SurveyDirectory surveys;
  @Inject FollowupDirectory followup;

  Map<String, Object> model(ReportFilter f) {
    VerbatimLinks links = new VerbatimLinks(f);
    Headline h = reports.headline(f);
    Map<String, Object> m = new HashMap<>();
    m.put("empty", h.empty());
    m.put("freshness", freshness(h.freshness()));
    m.put("from", f.from() == null ? "" : f.from().toString());
    m.put("to", f.to() == null ? "" : f.to().toString());
    m.put("owner", f.ownerId() == null ? "" : f.ownerId());
    m.put(
        "surveyOptions",
        surveys.surveys().stream()
            .map(s -> option(s.id(), s.title(), s.id().equals(f.surveyId())))
            .toList());
    List<Map<String, Object>> teams = new ArrayList<>();
    followup.teamNames().forEach((id, name) -> teams.add(option(id, name, id.equals(f.teamId()))));
    m.put("teamOptions", teams);
    m.put("metrics", metrics(h, links));
    String csvQuery = VerbatimLinks.query("", links.filters());
    m.put("csvQuery", csvQuery);
    m.put("csvAnd", csvQuery.isEmpty() ? "?" : csvQuery + "&");
    if (h.npsDistribution() != null) {
      List<String> labels = new ArrayList<>();
      List<String> barLinks = new ArrayList<>();
      for (int s = 0; s <= 10; s++) {
        labels.add(String.valueOf(s));
        barLinks.add(links.with("band", s >= 9 ? "promoter" : s >= 7 ? "passive" : "detractor"));
      }
      m.put(
          "npsChart",
          SvgCharts.bars(
              "NPS distribution: responses per score 0 to 10",
              labels,
              h.npsDistribution(),
              barLinks));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int s = 0; s <= 10; s++) {
        rows.add(Map.of("score", s, "count", h.npsDistribution().get(s)));
      }
      m.put("npsRows", rows);
    }
    m.put(
        "funnelChart",
        SvgCharts.bars(
            "Closure funnel: comments, routed, replied, closed",
            List.of("comments", "routed", "replied", "closed"),
            List.of(h.comments(), h.routed(), h.replied(), h.closed()),
            List.of(
                links.all(),
                links.all(),
                links.with("status", "replied"),
                links.with("status", "closed"))));
    List<ReportService.WeekPoint> trend = reports.trend(f);
    List<String> weeks = trend.stream().map(p -> p.weekStart().toString()).toList();
    m.put(
        "trendChart",
        SvgCharts.lines(
            "Weekly trend of NPS and replied %",
            weeks,
            List.of("NPS", "replied %"),
            List.of(
                trend.stream().map(p -> p.figures().nps()).toList(),
                trend.stream().map(p -> p.figures().repliedPct()).toList())));
    m.put(
        "trendRows",
        trend.stream()
            .map(
                p -> {
                  Map<String, Object> r = new HashMap<>();
                  r.put("week", p.weekStart().toString());
                  r.put("responses", dash(p.figures().responses()));
                  r.put("nps", nps(p.figures().nps()));
                  r.put("comments", p.figures().comments());
                  r.put("replied", ReportPages.pct(p.figures().repliedPct()));
                  r.put("closed", ReportPages.pct(p.figures().closedPct()));
                  return r;
                })
            .toList());
    m.put("owners", breakdown(reports.owners(f), links, "owner"));
    m.put("teams", breakdown(reports.teams(f), links, "team"));
    return m;
  }

  private static List<Map<String, Object>> metrics(Headline h, VerbatimLinks links) {
    List<Map<String, Object>> list = new ArrayList<>();
    String all = links.all();
    metric(list, "invitations", "invited", dash(h.invitations()), null);
    metric(list, "responses", "responses", dash(h.responses()), all);
    metric(list, "responseRate", "response rate", ReportPages.pct(h.responseRatePct()), all);
    metric(list, "nps", "NPS", nps(h.nps()), all);
    metric(
        list, "promoters", "promoters (9–10)", dash(h.promoters()), links.with("band", "promoter"));
    metric(list, "passives", "passives (7–8)", dash(h.passives()), links.with("band", "passive"));
    metric(
        list,
        "detractors",
        "detractors (0–6)",
        dash(h.detractors()),
        links.with("band", "detractor"));
    metric(list, "csat", "CSAT (% 4–5)", ReportPages.pct(h.csatPct()), all);
    metric(
        list,
        "ces",
        "CES (mean)",
        h.cesMean() == null ? "–" : String.format("%.2f", h.cesMean()),
        all);
    metric(list, "comments", "comments", String.valueOf(h.comments()), all);
    metric(list, "routed", "routed to an owner", ReportPages.pct(h.routedPct()), all);
    metric(
        list,
        "replied",
        "replied to",
        ReportPages.pct(h.repliedPct()),
        links.with("status", "replied"));
    metric(
        list, "closed", "closed", ReportPages.pct(h.closedPct()), links.with("status", "closed"));
    metric(
        list,
        "medianFirstReply",
        "median time to first reply",
        duration(h.medianFirstReplyMillis()),
        links.with("status", "replied"));
    metric(
        list,
        "p90FirstReply",
        "90th percentile time to first reply",
        duration(h.p90FirstReplyMillis()),
        links.with("status", "replied"));
    metric(
        list,
        "medianClose",
        "median time to close",
        duration(h.medianCloseMillis()),
        links.with("status", "closed"));
    metric(
        list,
        "p90Close",
        "90th percentile time to close",
        duration(h.p90CloseMillis()),
        links.with("status", "closed"));
    metric(list, "slaMet", "SLA met", ReportPages.pct(h.slaMetPct()), all);
    metric(
        list,
        "overdueNow",
        "overdue now",
        String.valueOf(h.overdueNow()),
        links.with("status", "overdue"));
    return list;
  }

  private static void metric(
      List<Map<String, Object>> list, String key, String label, String value, String link) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("label", label);
    m.put("value", value);
    m.put("link", link);
    list.add(m);
  }

  private static List<Map<String, Object>> breakdown(
      List<ReportService.Breakdown> rows, VerbatimLinks links, String param) {
    return rows.stream()
        .map(
            b -> {
              Map<String, Object> r = new HashMap<>();
              r.put("name", b.name());
              r.put("comments", b.figures().comments());
              r.put("replied", ReportPages.pct(b.figures().repliedPct()));
              r.put("closed", ReportPages.pct(b.figures().closedPct()));
              r.put("median", duration(b.figures().medianFirstReplyMillis()));
              r.put("sla", ReportPages.pct(b.figures().slaMetPct()));
              r.put("overdue", b.figures().overdueNow());
              r.put("link", b.id().isEmpty() ? links.all() : links.with(param, b.id()));
              return r;
            })
        .toList();
  }

  private static Map<String, Object> option(String id, String label, boolean selected) {
    return Map.of("id", id, "label", label, "selected", selected);
  }

  private static String dash(Long n) {
    return n == null ? "–" : String.valueOf(n);
  }

  private static String nps(Double v) {
    return v == null ? "–" : String.format("%+.1f", v);
  }

  static String duration(Long millis) {
    return millis == null ? "–" : ReportPages.minutes(Math.round(millis / 60_000.0));
  }

  private static final DateTimeFormatter AS_OF =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** "Figures as of ..." under the title: when the newest counted change happened, what waits. */
  static Map<String, Object> freshness(ReportFreshness f) {
    Map<String, Object> m = new HashMap<>();
    m.put("asOf", f == null || f.lastEventAt() == null ? null : AS_OF.format(f.lastEventAt()));
    m.put("asOfIso", f == null || f.lastEventAt() == null ? "" : f.lastEventAt().toString());
    m.put("waiting", f == null || f.upToDate() ? null : String.format("%,d", f.waiting()));
    return m;
  }
}
