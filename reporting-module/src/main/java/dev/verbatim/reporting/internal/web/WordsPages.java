package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.reporting.internal.application.RevealService;
import dev.verbatim.reporting.internal.application.RootCauseReport;
import dev.verbatim.reporting.internal.application.ThemeReport;
import dev.verbatim.reporting.internal.application.Verbatim;
import dev.verbatim.reporting.internal.application.VerbatimPage;
import dev.verbatim.reporting.internal.application.VerbatimService;
import dev.verbatim.reporting.internal.domain.ReportPeriod;
import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pages of the customers' own words: verbatims (with reveal), root causes, themes. */
@Path("/app/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class WordsPages {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final Set<String> SHOWN_IN_FORM = Set.of("q", "band", "status", "from", "to");

  @Inject VerbatimService verbatims;
  @Inject RevealService reveals;
  @Inject RootCauseReport rootCauses;
  @Inject ThemeReport themes;
  @Inject WordsInputs inputs;
  @Inject CurrentStaff currentStaff;
  @Inject PageRenderer pages;

  @GET
  @Path("verbatims")
  public String verbatims(@BeanParam VerbatimParams params) {
    VerbatimFilter filter = verbatims.resolve(params.filter());
    VerbatimPage page = verbatims.page(filter);
    Map<String, String> given = params.given();
    Map<String, Object> m = new HashMap<>();
    m.put("params", given);
    m.put(
        "bands",
        options(VerbatimFilter.BANDS, List.of("promoter", "passive", "detractor"), filter.band()));
    m.put(
        "statuses",
        options(
            VerbatimFilter.STATUSES,
            List.of("open", "replied", "unreplied", "overdue", "closed"),
            filter.status()));
    List<Map<String, String>> hidden = new ArrayList<>();
    List<Map<String, String>> active = new ArrayList<>();
    given.forEach(
        (name, value) -> {
          active.add(Map.of("name", name, "value", value));
          if (!SHOWN_IN_FORM.contains(name)) {
            hidden.add(Map.of("name", name, "value", value));
          }
        });
    m.put("hidden", hidden);
    m.put("filters", active);
    m.put("active", !active.isEmpty());
    m.put("total", page.total());
    m.put("page", page.page());
    m.put("pages", page.pages());
    m.put("many", page.pages() > 1);
    m.put("query", VerbatimParams.query(given));
    if (page.page() > 1) {
      m.put("previous", pageQuery(given, page.page() - 1));
    }
    if (page.page() < page.pages()) {
      m.put("next", pageQuery(given, page.page() + 1));
    }
    m.put("verbatims", page.verbatims().stream().map(WordsPages::verbatim).toList());
    if (currentStaff.hasRole(Roles.ADMIN)) {
      m.put(
          "reveals",
          reveals.recent(20).stream()
              .map(
                  r ->
                      Map.of(
                          "staffName", r.staffName(),
                          "caseId", r.caseId(),
                          "time", TIME.format(Instant.ofEpochMilli(r.revealedAt()))))
              .toList());
    }
    return pages.staffPage("reporting/verbatims", "Verbatims", m);
  }

  @POST
  @Path("verbatims/{caseId}/reveal")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String reveal(@PathParam("caseId") String caseId, MultivaluedMap<String, String> form) {
    RevealService.Revealed revealed = reveals.reveal(caseId, currentStaff.get());
    Map<String, Object> m = new HashMap<>();
    m.put("caseId", revealed.caseId());
    m.put("text", revealed.text());
    m.put("revealedBy", revealed.revealedBy());
    m.put("time", TIME.format(Instant.ofEpochMilli(revealed.revealedAt())));
    return pages.staffPage("reporting/revealed", "Revealed comment", m);
  }

  @GET
  @Path("root-causes")
  public String rootCauses(
      @QueryParam("survey") String survey,
      @QueryParam("team") String team,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    RootCauseReport.Result r =
        rootCauses.report(inputs.period(from, to), inputs.survey(survey), inputs.team(team));
    Map<String, String> scope = scope(r.period(), r.surveyId(), r.teamId());
    Map<String, Object> m = new HashMap<>(scope);
    m.put("query", VerbatimParams.query(scope));
    m.put("total", r.total());
    m.put("hasCauses", !r.causes().isEmpty());
    m.put(
        "causes",
        r.causes().stream()
            .map(
                c -> {
                  Map<String, String> link = new LinkedHashMap<>(scope);
                  link.put("rootCause", c.code());
                  Map<String, Object> row = new HashMap<>();
                  row.put("code", c.code());
                  row.put("label", c.label());
                  row.put("count", c.count());
                  row.put("share", String.format("%.1f %%", c.sharePct()));
                  row.put("cumulative", String.format("%.1f %%", c.cumulativePct()));
                  row.put("spark", Sparkline.of(c.weekly()));
                  row.put("link", VerbatimParams.query(link));
                  return row;
                })
            .toList());
    return pages.staffPage("reporting/root-causes", "Root causes", m);
  }

  @GET
  @Path("themes")
  public String themes(
      @QueryParam("survey") String survey,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    ThemeReport.Result r = themes.report(inputs.period(from, to), inputs.survey(survey));
    Map<String, String> scope = scope(r.period(), r.surveyId(), null);
    Map<String, Object> m = new HashMap<>(scope);
    m.put("query", VerbatimParams.query(scope));
    List<Map<String, Object>> rows = new ArrayList<>();
    int index = 0;
    for (ThemeReport.Theme t : r.themes()) {
      Map<String, String> link = new LinkedHashMap<>(scope);
      link.put("theme", t.term());
      Map<String, Object> row = new HashMap<>();
      row.put("index", ++index);
      row.put("term", t.term());
      row.put("comments", t.comments());
      row.put("previous", t.previousComments());
      row.put("change", String.format("%+d", t.change()));
      row.put("keyTerms", t.keyTerms());
      row.put("hasKeyTerms", !t.keyTerms().isEmpty());
      row.put("spark", Sparkline.of(t.weekly()));
      row.put("examples", t.examples());
      row.put("link", VerbatimParams.query(link));
      rows.add(row);
    }
    m.put("themes", rows);
    return pages.staffPage("reporting/themes", "Themes", m);
  }

  private static Map<String, String> scope(ReportPeriod period, String survey, String team) {
    Map<String, String> scope = new LinkedHashMap<>();
    scope.put("survey", survey);
    scope.put("team", team);
    scope.put("from", period.fromText());
    scope.put("to", period.toText());
    scope.values().removeIf(v -> v == null);
    return scope;
  }

  private static String pageQuery(Map<String, String> given, int page) {
    Map<String, String> p = new LinkedHashMap<>(given);
    p.put("page", Integer.toString(page));
    return VerbatimParams.query(p);
  }

  private static List<Map<String, Object>> options(
      Set<String> allowed, List<String> order, String selected) {
    return order.stream()
        .filter(allowed::contains)
        .map(v -> Map.<String, Object>of("value", v, "selected", v.equals(selected)))
        .toList();
  }

  static Map<String, Object> verbatim(Verbatim v) {
    Map<String, Object> m = new HashMap<>();
    m.put("caseId", v.caseId());
    m.put("text", v.text());
    m.put("masked", v.masked());
    m.put("canReveal", true);
    m.put("score", v.score());
    m.put("band", v.band());
    m.put("status", v.status());
    m.put("ownerName", v.ownerName() == null ? "none" : v.ownerName());
    m.put(
        "firstReply",
        v.firstReplyMinutes() == null ? null : ReportPages.minutes(v.firstReplyMinutes()));
    m.put("rootCauseLabel", v.rootCauseLabel());
    m.put("surveyTitle", v.surveyTitle());
    m.put("opened", TIME.format(Instant.ofEpochMilli(v.openedAt())));
    m.put("segments", v.segments());
    return m;
  }
}
