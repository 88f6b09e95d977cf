package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.reporting.internal.application.DigestService;
import dev.verbatim.reporting.internal.application.ReportScope;
import dev.verbatim.reporting.internal.application.ReportService;
import dev.verbatim.reporting.internal.application.SurveyReportService;
import dev.verbatim.reporting.internal.domain.DigestSchedule;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.SurveyReport;
import dev.verbatim.reporting.internal.infrastructure.DigestScheduler;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/app/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ReportPages {
  @Inject SurveyReportService reports;
  @Inject SurveyDirectory surveys;
  @Inject PageRenderer pages;
  @Inject ReportScope scope;
  @Inject DashboardModel dashboard;
  @Inject ReportService service;
  @Inject DigestService digests;
  @Inject DigestScheduler digestScheduler;
  @Inject Clock clock;

  @GET
  public String index(
      @QueryParam("survey") String survey,
      @QueryParam("team") String team,
      @QueryParam("owner") String owner,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("notice") String notice) {
    ReportFilter f = scope.filter(survey, team, owner, from, to);
    Map<String, Object> model = dashboard.model(f);
    model.put("notice", notice);
    List<SurveyReport> all = surveys.surveys().stream().map(s -> reports.report(s.id())).toList();
    model.put("reports", all.stream().map(ReportPages::cells).toList());
    return pages.staffPage("reporting/reports", "Reports", model);
  }

  @POST
  @Path("digest")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response sendDigest(MultivaluedMap<String, String> form) {
    DigestSchedule.Period p = digests.sendNow(digestScheduler.schedule(), clock.millis());
    return noticed(
        "The digest for "
            + p.from()
            + " to "
            + p.to()
            + " is on its way to every program manager.");
  }

  @POST
  @Path("recompute")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.ADMIN)
  public Response recompute(MultivaluedMap<String, String> form) {
    ReportService.Recomputed r = service.recompute();
    long differing = r.figures().stream().filter(f -> !f.agree()).count();
    return noticed(
        r.agree()
            ? "Recomputed every rollup from the facts: all "
                + r.figures().size()
                + " figures agreed with the incremental ones."
            : "Recomputed every rollup from the facts: "
                + differing
                + " figures disagreed and were corrected.");
  }

  private static Response noticed(String notice) {
    return Response.seeOther(
            URI.create("/app/reports?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)))
        .build();
  }

  @GET
  @Path("surveys/{id}")
  public String survey(@PathParam("id") String id) {
    SurveyReport report = reports.report(id);
    return pages.staffPage("reporting/report", "Report: " + report.title(), cells(report));
  }

  /** Display strings: a dash where a figure is undefined, never NaN. */
  static Map<String, Object> cells(SurveyReport r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.surveyId());
    m.put("title", r.title());
    m.put("invitations", r.invitations());
    m.put("responses", r.responses());
    m.put("responseRate", pct(r.responseRatePct()));
    m.put("nps", r.nps().score() == null ? "–" : String.format("%+.1f", r.nps().score()));
    m.put("promoters", r.nps().promoters());
    m.put("passives", r.nps().passives());
    m.put("detractors", r.nps().detractors());
    m.put("comments", r.comments());
    m.put("routed", pct(r.routedPct()));
    m.put("replied", pct(r.repliedPct()));
    m.put("closed", pct(r.closedPct()));
    m.put(
        "medianFirstReply",
        r.medianFirstReplyMinutes() == null ? "–" : minutes(r.medianFirstReplyMinutes()));
    m.put("empty", r.responses() == 0);
    return m;
  }

  static String pct(Double value) {
    return value == null ? "–" : String.format("%.1f %%", value);
  }

  static String minutes(long minutes) {
    if (minutes < 1) {
      return "< 1 min";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return String.format("%.1f h", minutes / 60.0);
    }
    return String.format("%.1f d", minutes / 1440.0);
  }
}
