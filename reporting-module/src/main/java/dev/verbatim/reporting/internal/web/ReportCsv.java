package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.SafeCsvWriter;
import dev.verbatim.reporting.internal.application.ReportService;
import dev.verbatim.reporting.internal.domain.Headline;
import java.util.List;

/** The report tables as CSV rows (empty cells where a figure is undefined). */
final class ReportCsv {
  private static final String[] FIGURES = {
    "invitations",
    "responses",
    "response_rate_pct",
    "nps",
    "promoters",
    "passives",
    "detractors",
    "csat_pct",
    "ces_mean",
    "comments",
    "routed_pct",
    "replied_pct",
    "closed_pct",
    "median_first_reply_minutes",
    "p90_first_reply_minutes",
    "median_close_minutes",
    "p90_close_minutes",
    "sla_met_pct",
    "overdue_now"
  };

  private ReportCsv() {}

  static Object[] values(Headline h) {
    return new Object[] {
      blank(h.invitations()),
      blank(h.responses()),
      blank(h.responseRatePct()),
      blank(h.nps()),
      blank(h.promoters()),
      blank(h.passives()),
      blank(h.detractors()),
      blank(h.csatPct()),
      blank(h.cesMean()),
      h.comments(),
      blank(h.routedPct()),
      blank(h.repliedPct()),
      blank(h.closedPct()),
      minutes(h.medianFirstReplyMillis()),
      minutes(h.p90FirstReplyMillis()),
      minutes(h.medianCloseMillis()),
      minutes(h.p90CloseMillis()),
      blank(h.slaMetPct()),
      h.overdueNow()
    };
  }

  static void headline(Headline h, SafeCsvWriter csv) {
    csv.row("figure", "value");
    Object[] v = values(h);
    for (int i = 0; i < FIGURES.length; i++) {
      csv.row(FIGURES[i], v[i]);
    }
  }

  static void trend(List<ReportService.WeekPoint> points, SafeCsvWriter csv) {
    csv.row(prepend("week_start"));
    for (ReportService.WeekPoint p : points) {
      csv.row(prepend(p.weekStart().toString(), values(p.figures())));
    }
  }

  static void breakdown(String what, List<ReportService.Breakdown> rows, SafeCsvWriter csv) {
    csv.row(prepend(what + "_id", what));
    for (ReportService.Breakdown b : rows) {
      csv.row(prepend(b.id(), b.name(), values(b.figures())));
    }
  }

  static void segments(List<ReportService.SegmentRow> rows, SafeCsvWriter csv) {
    csv.row(
        "segment",
        "invitations",
        "responses",
        "response_rate_pct",
        "nps",
        "promoters",
        "passives",
        "detractors",
        "comments",
        "replied",
        "replied_pct",
        "closed",
        "closed_pct");
    for (ReportService.SegmentRow s : rows) {
      csv.row(
          s.segmentValue(),
          s.invitations(),
          s.responses(),
          blank(s.responseRatePct()),
          blank(s.nps()),
          s.promoters(),
          s.passives(),
          s.detractors(),
          s.comments(),
          s.replied(),
          blank(s.repliedPct()),
          s.closed(),
          blank(s.closedPct()));
    }
  }

  private static Object[] prepend(String a, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = a;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static Object[] prepend(String a, String b, Object[] rest) {
    Object[] all = new Object[rest.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }

  private static Object[] prepend(String a) {
    Object[] all = new Object[FIGURES.length + 1];
    all[0] = a;
    System.arraycopy(FIGURES, 0, all, 1, FIGURES.length);
    return all;
  }

  private static Object[] prepend(String a, String b) {
    Object[] all = new Object[FIGURES.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(FIGURES, 0, all, 2, FIGURES.length);
    return all;
  }

  private static Object blank(Object o) {
    return o == null ? "" : o;
  }

  private static Object minutes(Long millis) {
    return millis == null ? "" : Math.round(millis / 60_000.0);
  }
}
