package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.SafeCsvWriter;
import dev.verbatim.reporting.internal.application.DigestService;
import dev.verbatim.reporting.internal.application.ReportScope;
import dev.verbatim.reporting.internal.application.ReportService;
import dev.verbatim.reporting.internal.application.SurveyReportService;
import dev.verbatim.reporting.internal.domain.DigestSchedule;
import dev.verbatim.reporting.internal.domain.Headline;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.SurveyReport;
import dev.verbatim.reporting.internal.infrastructure.DigestScheduler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.util.List;

/**
 * Report JSON and CSV. Every report takes the same filters: {@code survey}, {@code team}, {@code
 * owner}, {@code from}, {@code to} (yyyy-MM-dd, both included).
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ReportResource {
  @Inject SurveyReportService surveyReports;
  @Inject ReportService reports;
  @Inject ReportScope scope;
  @Inject DigestService digests;
  @Inject DigestScheduler digestScheduler;
  @Inject Clock clock;

  @QueryParam("survey")
  String survey;

  @QueryParam("team")
  String team;

  @QueryParam("owner")
  String owner;

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @GET
  @Path("surveys/{id}")
  public SurveyReport survey(@PathParam("id") String id) {
    return surveyReports.report(id);
  }

  @GET
  @Path("headline")
  public Headline headline() {
    return reports.headline(filter());
  }

  @GET
  @Path("trend")
  public List<ReportService.WeekPoint> trend() {
    return reports.trend(filter());
  }

  @GET
  @Path("segments")
  public List<ReportService.SegmentRow> segments(@QueryParam("attribute") String attribute) {
    return reports.segments(filter(), attribute(attribute));
  }

  @GET
  @Path("owners")
  public List<ReportService.Breakdown> owners() {
    return reports.owners(filter());
  }

  @GET
  @Path("teams")
  public List<ReportService.Breakdown> teams() {
    return reports.teams(filter());
  }

  @POST
  @Path("recompute")
  @RolesAllowed(Roles.ADMIN)
  public ReportService.Recomputed recompute() {
    return reports.recompute();
  }

  public record DigestSent(String from, String to) {}

  /** "Send digest now": the digest of the days up to today, to every program manager. */
  @POST
  @Path("digest")
  public DigestSent digest() {
    DigestSchedule.Period p = digests.sendNow(digestScheduler.schedule(), clock.millis());
    return new DigestSent(p.from().toString(), p.to().toString());
  }

  @GET
  @Path("headline.csv")
  @Produces("text/csv")
  public Response headlineCsv() {
    Headline h = reports.headline(filter());
    return csv("headline.csv", out -> ReportCsv.headline(h, out));
  }

  @GET
  @Path("trend.csv")
  @Produces("text/csv")
  public Response trendCsv() {
    List<ReportService.WeekPoint> points = reports.trend(filter());
    return csv("trend.csv", out -> ReportCsv.trend(points, out));
  }

  @GET
  @Path("segments.csv")
  @Produces("text/csv")
  public Response segmentsCsv(@QueryParam("attribute") String attribute) {
    List<ReportService.SegmentRow> rows = reports.segments(filter(), attribute(attribute));
    return csv("segments.csv", out -> ReportCsv.segments(rows, out));
  }

  @GET
  @Path("owners.csv")
  @Produces("text/csv")
  public Response ownersCsv() {
    List<ReportService.Breakdown> rows = reports.owners(filter());
    return csv("owners.csv", out -> ReportCsv.breakdown("owner", rows, out));
  }

  @GET
  @Path("teams.csv")
  @Produces("text/csv")
  public Response teamsCsv() {
    List<ReportService.Breakdown> rows = reports.teams(filter());
    return csv("teams.csv", out -> ReportCsv.breakdown("team", rows, out));
  }

  @GET
  @Path("responses.csv")
  @Produces("text/csv")
  public Response responsesCsv() {
    ReportFilter f = filter();
    return csv("responses.csv", csv -> reports.export(e -> e.responses(f, csv)));
  }

  @GET
  @Path("cases.csv")
  @Produces("text/csv")
  public Response casesCsv() {
    ReportFilter f = filter();
    return csv("cases.csv", csv -> reports.export(e -> e.cases(f, csv)));
  }

  private ReportFilter filter() {
    return scope.filter(survey, team, owner, from, to);
  }

  private static String attribute(String attribute) {
    if (attribute == null || attribute.isBlank()) {
      throw new InvalidInputException("attribute", "Name the contact attribute, e.g. region.");
    }
    return attribute.strip();
  }

  private interface CsvBody {
    void write(SafeCsvWriter csv);
  }

  private static Response csv(String filename, CsvBody body) {
    StreamingOutput stream =
        out -> {
          SafeCsvWriter csv = SafeCsvWriter.open(out);
          body.write(csv);
          csv.flush();
        };
    return Response.ok(stream, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }
}
