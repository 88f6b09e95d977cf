package it.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReceivedMail;
import it.support.ReportsCaughtUp;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A known data set seeded through the public API, and every headline figure, breakdown and export
 * checked against numbers worked out by hand:
 *
 * <pre>
 * 5 invited: Ada, Bea, Eve (EMEA), Cal, Dan (APAC)
 * Ada 10 "Great service"      -> case to Olga: replied, closed
 * Bea  3 "=HYPERLINK(...)"    -> case to Olga: replied, closed, reopened
 * Cal  9 (no comment)
 * Dan  7 "Rude agent"         -> case to Olga, reassigned to Otto, not replied
 * Eve  did not answer
 * invitations 5, responses 4, rate 80.0 %; promoters 2, passives 1, detractors 1, NPS +25.0
 * comments 3, routed 100.0 %, replied 66.7 %, closed 33.3 %, SLA met 2 of 2 = 100.0 %, overdue 0
 * </pre>
 */
class HeadlineReportIT {
  private static Mailbox mailbox;
  private static ApiClient admin;
  private static ApiClient manager;
  private static StaffMember managerMember;
  private static StaffMember olga;
  private static StaffMember otto;
  private static String teamId;
  private static String teamName;
  private static String surveyId;
  private static final Map<String, String> cases = new HashMap<>();

  @BeforeAll
  static void seedAKnownDataSet() {
    mailbox = Mailbox.start();
    admin = ApiClient.admin();
    managerMember = StaffMember.create(admin, "manager", "Rhea Reportmanager");
    manager = managerMember.logIn();
    olga = StaffMember.create(admin, "owner", "Olga Owner");
    otto = StaffMember.create(admin, "owner", "Otto Other");
    FallbackOwner.assign(manager, olga);
    teamName = Names.unique("Report team");
    teamId =
        manager
            .postJson(
                "/api/followup/teams",
                Map.of("name", teamName, "members", List.of(olga.username())))
            .expectStatus(201)
            .json()
            .getString("id");
    String title = Names.unique("Report check-in");
    surveyId = SurveyFixtures.publishedSurvey(manager, title);
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);

    Map<String, String> regions = new LinkedHashMap<>();
    regions.put("Ada", "EMEA");
    regions.put("Bea", "EMEA");
    regions.put("Eve", "EMEA");
    regions.put("Cal", "APAC");
    regions.put("Dan", "APAC");
    Map<String, Invited> invited = new HashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, String> emails = new HashMap<>();
    regions.forEach(
        (name, region) -> {
          String email = Names.email(name.toLowerCase() + ".report");
          emails.put(name, email);
          ids.put(
              name,
              SurveyFixtures.addContact(
                  manager, email, name + " Report", Map.of("region", region)));
        });
    SurveyFixtures.send(manager, surveyId, List.copyOf(ids.values()));
    ids.forEach(
        (name, id) -> {
          String email = emails.get(name);
          invited.put(
              name,
              new Invited(
                  id, email, name + " Report", mailbox.awaitMail(email, title).surveyLinkInText()));
        });

    SurveyFixtures.answerByApi(invited.get("Ada"), 10, "Great service");
    SurveyFixtures.answerByApi(invited.get("Bea"), 3, "=HYPERLINK(\"http://evil\") slow delivery");
    SurveyFixtures.answerByApi(invited.get("Cal"), 9, null);
    SurveyFixtures.answerByApi(invited.get("Dan"), 7, "Rude agent");

    ApiClient olgaClient = olga.logIn();
    for (String name : List.of("Ada", "Bea", "Dan")) {
      cases.put(
          name, SurveyFixtures.caseOf(olgaClient, surveyId, invited.get(name)).getString("id"));
    }
    for (String name : List.of("Ada", "Bea")) {
      olgaClient
          .postJson("/api/cases/" + cases.get(name) + "/replies", Map.of("text", "Thank you."))
          .expectStatus(200);
      olgaClient
          .postJson(
              "/api/cases/" + cases.get(name) + "/close", Map.of("rootCause", "PRODUCT_DEFECT"))
          .expectStatus(200);
    }
    olgaClient
        .postJson("/api/cases/" + cases.get("Bea") + "/reopen", Map.of("reason", "Not solved"))
        .expectStatus(200);
    manager
        .postJson(
            "/api/cases/" + cases.get("Dan") + "/reassign",
            Map.of("owner", otto.username(), "reason", "Otto handles agents"))
        .expectStatus(200);
    ReportsCaughtUp.await();
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void everyHeadlineNumberMatchesTheHandComputedOnes() {
    JsonObject h = manager.get("/api/reports/headline?survey=" + surveyId).expectStatus(200).json();
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(h.getInt("invitations")).as("invitations").isEqualTo(5);
    soft.assertThat(h.getInt("responses")).as("responses").isEqualTo(4);
    soft.assertThat(h.getJsonNumber("responseRatePct").doubleValue()).as("rate").isEqualTo(80.0);
    soft.assertThat(h.getJsonNumber("nps").doubleValue()).as("nps").isEqualTo(25.0);
    soft.assertThat(h.getInt("promoters")).as("promoters").isEqualTo(2);
    soft.assertThat(h.getInt("passives")).as("passives").isEqualTo(1);
    soft.assertThat(h.getInt("detractors")).as("detractors").isEqualTo(1);
    soft.assertThat(h.getJsonArray("npsDistribution").getInt(10)).as("tens").isEqualTo(1);
    soft.assertThat(h.isNull("csatPct")).as("no CSAT question: no CSAT").isTrue();
    soft.assertThat(h.isNull("cesMean")).as("no CES question: no CES").isTrue();
    soft.assertThat(h.getInt("comments")).as("comments").isEqualTo(3);
    soft.assertThat(h.getJsonNumber("routedPct").doubleValue()).as("routed").isEqualTo(100.0);
    soft.assertThat(h.getJsonNumber("repliedPct").doubleValue()).as("replied").isEqualTo(66.7);
    soft.assertThat(h.getJsonNumber("closedPct").doubleValue()).as("closed").isEqualTo(33.3);
    soft.assertThat(h.getJsonNumber("slaMetPct").doubleValue()).as("sla met").isEqualTo(100.0);
    soft.assertThat(h.getInt("slaCounted")).as("sla counted").isEqualTo(2);
    soft.assertThat(h.getInt("overdueNow")).as("overdue now").isZero();
    soft.assertThat(h.getJsonNumber("medianFirstReplyMillis").longValue())
        .as("median first reply")
        .isPositive();
    soft.assertThat(h.getJsonNumber("p90FirstReplyMillis").longValue())
        .as("p90 first reply")
        .isGreaterThanOrEqualTo(h.getJsonNumber("medianFirstReplyMillis").longValue());
    soft.assertThat(h.isNull("medianCloseMillis")).as("one closed case has a close time").isFalse();
    soft.assertAll();
  }

  @Test
  void anEmptyPeriodIsZerosAndNullsNeverNaN() {
    ApiResponse empty =
        manager
            .get("/api/reports/headline?survey=" + surveyId + "&from=2001-01-01&to=2001-01-31")
            .expectStatus(200);
    JsonObject h = empty.json();
    assertThat(h.getInt("responses")).isZero();
    assertThat(h.isNull("responseRatePct")).isTrue();
    assertThat(h.isNull("nps")).isTrue();
    assertThat(h.isNull("repliedPct")).isTrue();
    assertThat(empty.body()).doesNotContain("NaN");
    assertThat(
            manager
                .get("/app/reports?survey=" + surveyId + "&from=2001-01-01&to=2001-01-31")
                .expectStatus(200)
                .body())
        .contains("No responses yet");
  }

  @Test
  void theSegmentBreakdownSplitsByRegion() {
    List<JsonObject> rows =
        manager
            .get("/api/reports/segments?attribute=region&survey=" + surveyId)
            .expectStatus(200)
            .jsonArray()
            .getValuesAs(JsonObject.class);
    assertThat(rows).extracting(r -> r.getString("segmentValue")).containsExactly("APAC", "EMEA");
    JsonObject apac = rows.get(0);
    JsonObject emea = rows.get(1);
    assertThat(emea.getInt("invitations")).isEqualTo(3);
    assertThat(emea.getInt("responses")).isEqualTo(2);
    assertThat(emea.getJsonNumber("nps").doubleValue()).isEqualTo(0.0);
    assertThat(emea.getInt("comments")).isEqualTo(2);
    assertThat(emea.getJsonNumber("repliedPct").doubleValue()).isEqualTo(100.0);
    assertThat(apac.getInt("invitations")).isEqualTo(2);
    assertThat(apac.getInt("responses")).isEqualTo(2);
    assertThat(apac.getJsonNumber("responseRatePct").doubleValue()).isEqualTo(100.0);
    assertThat(apac.getJsonNumber("nps").doubleValue()).isEqualTo(50.0);
    assertThat(apac.getInt("comments")).isEqualTo(1);
    assertThat(apac.getJsonNumber("repliedPct").doubleValue()).isEqualTo(0.0);
  }

  @Test
  void theOwnerBreakdownFollowsTheReassignment() {
    Map<String, JsonObject> byName = new HashMap<>();
    manager
        .get("/api/reports/owners?survey=" + surveyId)
        .expectStatus(200)
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .forEach(r -> byName.put(r.getString("name"), r.getJsonObject("figures")));
    assertThat(byName).containsOnlyKeys("Olga Owner", "Otto Other");
    assertThat(byName.get("Olga Owner").getInt("comments")).isEqualTo(2);
    assertThat(byName.get("Olga Owner").getJsonNumber("repliedPct").doubleValue()).isEqualTo(100.0);
    assertThat(byName.get("Olga Owner").getInt("closed")).isEqualTo(1);
    assertThat(byName.get("Otto Other").getInt("comments")).isEqualTo(1);
    assertThat(byName.get("Otto Other").getInt("replied")).isZero();

    JsonObject teamOnly =
        manager
            .get("/api/reports/headline?survey=" + surveyId + "&owner=" + otto.id())
            .expectStatus(200)
            .json();
    assertThat(teamOnly.getInt("comments")).isEqualTo(1);
    assertThat(teamOnly.isNull("responses")).as("survey-side figures are per survey").isTrue();

    List<JsonObject> teams =
        manager
            .get("/api/reports/teams?survey=" + surveyId)
            .expectStatus(200)
            .jsonArray()
            .getValuesAs(JsonObject.class);
    // Otto is not in the survey's team: the reassigned case left the team.
    assertThat(teams)
        .extracting(t -> t.getString("name"), t -> t.getJsonObject("figures").getInt("comments"))
        .containsExactlyInAnyOrder(tuple("(no team)", 1), tuple(teamName, 2));
    assertThat(
            manager
                .get("/api/reports/headline?survey=" + surveyId + "&team=" + teamId)
                .expectStatus(200)
                .json()
                .getInt("replied"))
        .isEqualTo(2);
  }

  @Test
  void theWeeklyTrendHasThisWeek() {
    List<JsonObject> weeks =
        manager
            .get("/api/reports/trend?survey=" + surveyId)
            .expectStatus(200)
            .jsonArray()
            .getValuesAs(JsonObject.class);
    assertThat(weeks).hasSize(1);
    assertThat(weeks.get(0).getJsonObject("figures").getInt("responses")).isEqualTo(4);
  }

  @Test
  void theHeadlineAndResponsesCsvCarryTheSameNumbersWithFormulasNeutralised() throws IOException {
    ApiResponse headline =
        manager.get("/api/reports/headline.csv?survey=" + surveyId).expectStatus(200);
    assertThat(headline.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains("headline.csv");
    Map<String, String> figures = new HashMap<>();
    for (CSVRecord r : parse(headline.body())) {
      figures.put(r.get("figure"), r.get("value"));
    }
    assertThat(figures)
        .containsEntry("responses", "4")
        .containsEntry("nps", "25.0")
        .containsEntry("replied_pct", "66.7")
        .containsEntry("csat_pct", "");

    List<CSVRecord> responses =
        parse(
            manager.get("/api/reports/responses.csv?survey=" + surveyId).expectStatus(200).body());
    assertThat(responses).hasSize(4);
    assertThat(responses)
        .extracting(r -> r.get("nps"))
        .containsExactlyInAnyOrder("10", "3", "9", "7");

    List<CSVRecord> caseRows =
        parse(manager.get("/api/reports/cases.csv?survey=" + surveyId).expectStatus(200).body());
    assertThat(caseRows).hasSize(3);
    assertThat(caseRows)
        .extracting(r -> r.get("comment"))
        .contains("'=HYPERLINK(\"http://evil\") slow delivery");
  }

  @Test
  void recomputingFromTheFactsAgreesWithTheIncrementalRollups() {
    JsonObject result = admin.postJson("/api/reports/recompute", Map.of()).expectStatus(200).json();
    List<String> disagreeing =
        result.getJsonArray("figures").getValuesAs(JsonObject.class).stream()
            .filter(f -> !f.getBoolean("agree"))
            .map(JsonObject::toString)
            .toList();
    assertThat(disagreeing).as("figures that disagree").isEmpty();
    assertThat(result.getBoolean("agree")).isTrue();
    assertThat(
            manager
                .get("/api/reports/headline?survey=" + surveyId)
                .expectStatus(200)
                .json()
                .getInt("responses"))
        .as("the same figures after the recompute")
        .isEqualTo(4);
  }

  @Test
  void unknownSurveyTeamOrOwnerIs404AndABadPeriodIs400NamingTheParameter() {
    manager.get("/api/reports/headline?survey=no-such-survey").expectProblem(404);
    manager.get("/api/reports/owners?team=no-such-team").expectProblem(404);
    manager.get("/api/reports/headline?owner=no-such-owner").expectProblem(404);
    assertThat(
            manager
                .get("/api/reports/headline?from=2026-02-01&to=2026-01-01")
                .expectProblem(400)
                .errorFields())
        .containsExactly("from");
    assertThat(manager.get("/api/reports/trend?to=yesterday").expectProblem(400).errorFields())
        .containsExactly("to");
    assertThat(manager.get("/api/reports/segments").expectProblem(400).errorFields())
        .containsExactly("attribute");
    String page = manager.get("/app/reports?from=31.01.2026").body();
    assertThat(page).contains("from").contains("yyyy-MM-dd");
  }

  @Test
  void theDashboardLinksEveryNumberToItsVerbatims() {
    String page = unescape(manager.get("/app/reports?survey=" + surveyId).expectStatus(200).body());
    assertThat(page)
        .contains("role=\"img\"")
        .contains("data-metric=\"nps\"><a href=\"/app/reports/verbatims?survey=" + surveyId)
        .contains("/app/reports/verbatims?survey=" + surveyId + "&band=promoter")
        .contains("/app/reports/verbatims?survey=" + surveyId + "&status=replied")
        .contains("+25.0")
        .contains("66.7 %");
  }

  @Test
  void sendDigestNowMailsEveryManagerTheHeadlineWithChangesVerbatimsAndOverdueCases() {
    JsonObject sent = manager.postJson("/api/reports/digest", Map.of()).expectStatus(200).json();
    String from = sent.getString("from");
    String to = sent.getString("to");
    JsonObject h =
        manager.get("/api/reports/headline?from=" + from + "&to=" + to).expectStatus(200).json();
    ReceivedMail mail =
        mailbox.awaitMail(managerMember.email(), "Verbatim digest " + from + " to " + to);
    assertThat(mail.partTypes()).anyMatch(t -> t.startsWith("text/plain"));
    assertThat(mail.partTypes()).anyMatch(t -> t.startsWith("text/html"));
    assertThat(mail.text())
        .contains("Responses: " + h.getInt("responses"))
        .contains("since the period before")
        .contains("slow delivery")
        .contains(h.getInt("overdueNow") + " case(s) overdue now")
        .contains("/app/reports/verbatims?status=overdue");
    assertThat(mail.html())
        .contains(">" + h.getInt("responses") + "<")
        .contains("slow delivery")
        .doesNotContain("<svg");
  }

  /** Attribute values as a browser reads them (the page escapes = and &). */
  static String unescape(String html) {
    return html.replace("&#61;", "=").replace("&#x3D;", "=").replace("&amp;", "&");
  }

  private static List<CSVRecord> parse(String body) throws IOException {
    String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .build()
        .parse(new StringReader(text))
        .getRecords();
  }
}
