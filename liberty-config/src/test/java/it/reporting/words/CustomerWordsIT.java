package it.reporting.words;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReportsCaughtUp;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The customers' own words in reports: verbatims with filters and search, masking of personal data
 * everywhere, audited reveal, root causes as a Pareto, themes, and the perception gap. Seeds its
 * own survey and team through the public API.
 */
class CustomerWordsIT {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String CARD = "4111 1111 1111 1111";
  private static final String EMAIL_IN_COMMENT = "jo.private@example.org";
  private static final String PHONE = "+44 20 7946 0958";

  private static Mailbox mailbox;
  private static ApiClient manager;
  private static StaffMember owner;
  private static ApiClient ownerClient;
  private static String surveyId;
  private static String title;
  private static String teamId;
  private static String personal;
  private static String today;

  @BeforeAll
  static void seed() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Mona Words").logIn();
    owner = StaffMember.create(admin, "owner", "Otto Words");
    ownerClient = owner.logIn();
    FallbackOwner.assign(manager, owner);
    teamId = Teams.create(manager, "Words team", owner);
    title = Names.unique("Words survey");
    surveyId = SurveyFixtures.createNpsAndComment(manager, title).getString("id");
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    SurveyFixtures.publish(manager, surveyId);
    List<Invited> c =
        SurveyFixtures.inviteNewContacts(
            manager,
            mailbox,
            surveyId,
            title,
            "Ann Late",
            "Ben Late",
            "Cat Late",
            "Dan Card",
            "Eve Happy");
    personal =
        "Charge me again on card " + CARD + " or mail " + EMAIL_IN_COMMENT + " or call " + PHONE;
    SurveyFixtures.answerByApi(c.get(0), 2, "The delivery was late and the box was crushed.");
    SurveyFixtures.answerByApi(c.get(1), 3, "Delivery late again, third time this year.");
    SurveyFixtures.answerByApi(c.get(2), 5, "My delivery late by a week, nobody called.");
    SurveyFixtures.answerByApi(c.get(3), 1, personal);
    SurveyFixtures.answerByApi(c.get(4), 10, "Friendly staff <b>and</b> a quick refund.");
    for (int i = 0; i < 2; i++) {
      JsonObject aCase = SurveyFixtures.caseOf(ownerClient, surveyId, c.get(i));
      ownerClient
          .postJson(
              "/api/cases/" + aCase.getString("id") + "/close", Map.of("rootCause", "DELIVERY"))
          .expectStatus(200);
    }
    JsonObject billing = SurveyFixtures.caseOf(ownerClient, surveyId, c.get(3));
    ownerClient
        .postJson(
            "/api/cases/" + billing.getString("id") + "/close",
            Map.of("rootCause", "PRODUCT_DEFECT"))
        .expectStatus(200);
    ReportsCaughtUp.await();
    today = LocalDate.now(ZoneOffset.UTC).toString();
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static JsonObject verbatims(String query) {
    return manager
        .get("/api/reports/verbatims?survey=" + surveyId + query)
        .expectStatus(200)
        .json();
  }

  private static List<String> texts(JsonObject page) {
    return page.getJsonArray("verbatims").getValuesAs(JsonObject.class).stream()
        .map(v -> v.getString("text"))
        .toList();
  }

  @Test
  void verbatimsAreFilteredAndSearchedNewestFirst() {
    JsonObject all = verbatims("");
    assertThat(all.getInt("total")).isEqualTo(5);
    assertThat(texts(all).get(0)).startsWith("Friendly staff");
    assertThat(all.getJsonArray("verbatims").getJsonObject(0).getString("band"))
        .isEqualTo("promoter");

    assertThat(texts(verbatims("&q=" + enc("DELIVERIES late")))).hasSize(3);
    assertThat(texts(verbatims("&q=delivery+crushed")))
        .containsExactly("The delivery was late and the box was crushed.");
    assertThat(verbatims("&band=promoter").getInt("total")).isEqualTo(1);
    assertThat(verbatims("&status=closed").getInt("total")).isEqualTo(3);
    assertThat(verbatims("&rootCause=DELIVERY").getInt("total")).isEqualTo(2);
    assertThat(verbatims("&theme=" + enc("delivery late")).getInt("total")).isEqualTo(3);
    assertThat(
            verbatims("&team=" + teamId + "&segment=region:EMEA&from=" + today + "&to=" + today)
                .getInt("total"))
        .isEqualTo(5);
    assertThat(verbatims("&owner=" + owner.username()).getInt("total")).isEqualTo(5);
    assertThat(verbatims("&from=2000-01-01&to=2000-01-31").getInt("total")).isZero();
  }

  @Test
  void badFiltersAnswer404Or400NamingTheParameter() {
    manager.get("/api/reports/verbatims?survey=nope").expectProblem(404);
    manager.get("/api/reports/verbatims?team=nope").expectProblem(404);
    manager.get("/api/reports/verbatims?owner=nobody-" + Names.suffix()).expectProblem(404);
    assertThat(
            manager.get("/api/reports/verbatims?from=yesterday").expectProblem(400).errorFields())
        .containsExactly("from");
    assertThat(
            manager
                .get("/api/reports/verbatims?from=2026-02-01&to=2026-01-01")
                .expectProblem(400)
                .errorFields())
        .containsExactly("from");
    manager.get("/api/reports/predictions/nope").expectProblem(404);
  }

  @Test
  void personalDataIsMaskedInJsonPageAndCsvAndARevealIsAuditedAndForbiddenToOwners() {
    JsonObject v = verbatims("&q=charge").getJsonArray("verbatims").getJsonObject(0);
    String masked = v.getString("text");
    assertThat(masked)
        .contains("[card ••1111]", "[email]", "[phone ••58]")
        .doesNotContain(CARD, EMAIL_IN_COMMENT, "7946");
    assertThat(v.getBoolean("masked")).isTrue();

    String page = manager.get("/app/reports/verbatims?survey=" + surveyId).expectStatus(200).body();
    assertThat(page).contains("[card ••1111]").doesNotContain(CARD, EMAIL_IN_COMMENT, "7946 0958");
    assertThat(page).contains("Friendly staff &lt;b&gt;and&lt;/b&gt;").doesNotContain("<b>and</b>");
    String csv =
        manager.get("/api/reports/verbatims/csv?survey=" + surveyId).expectStatus(200).body();
    assertThat(csv).contains("[card ••1111]", "case_id").doesNotContain(CARD, EMAIL_IN_COMMENT);
    assertThat(csv.lines().count()).isEqualTo(6);
    String casesCsv =
        manager.get("/api/reports/cases.csv?survey=" + surveyId).expectStatus(200).body();
    assertThat(casesCsv).contains("[card ••1111]").doesNotContain(CARD, EMAIL_IN_COMMENT);

    String caseId = v.getString("caseId");
    ownerClient
        .postJson("/api/reports/verbatims/" + caseId + "/reveal", Map.of())
        .expectProblem(403);
    JsonObject revealed =
        manager
            .postJson("/api/reports/verbatims/" + caseId + "/reveal", Map.of())
            .expectStatus(200)
            .json();
    assertThat(revealed.getString("text")).isEqualTo(personal);
    String form =
        manager
            .postForm("/app/reports/verbatims/" + caseId + "/reveal", Map.of("_csrf", csrf(page)))
            .expectStatus(200)
            .body();
    assertThat(form).contains(CARD, "This reveal was recorded: Mona Words");
    List<JsonObject> audit =
        ApiClient.admin()
            .get("/api/reports/verbatims/reveals")
            .expectStatus(200)
            .jsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(r -> r.getString("caseId").equals(caseId))
            .toList();
    assertThat(audit)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.getString("staffName")).isEqualTo("Mona Words"));
  }

  @Test
  void rootCausesFormAParetoLinkedToTheirVerbatims() {
    JsonObject pareto =
        manager.get("/api/reports/root-causes?survey=" + surveyId).expectStatus(200).json();
    assertThat(pareto.getInt("total")).isEqualTo(3);
    JsonObject first = pareto.getJsonArray("causes").getJsonObject(0);
    assertThat(first.getString("code")).isEqualTo("DELIVERY");
    assertThat(first.getInt("count")).isEqualTo(2);
    assertThat(first.getJsonNumber("sharePct").doubleValue()).isEqualTo(66.7);
    assertThat(
            pareto
                .getJsonArray("causes")
                .getJsonObject(1)
                .getJsonNumber("cumulativePct")
                .doubleValue())
        .isEqualTo(100.0);
    assertThat(first.getJsonArray("weekly").getJsonNumber(7).longValue()).isEqualTo(2);
    String page =
        manager
            .get("/app/reports/root-causes?survey=" + surveyId)
            .expectStatus(200)
            .body()
            .replace("&#61;", "=");
    assertThat(page).contains("rootCause=DELIVERY", "66.7 %", "role=\"img\"");
    assertThat(
            manager.get("/api/reports/root-causes/csv?survey=" + surveyId).expectStatus(200).body())
        .contains("DELIVERY", "66.7");
  }

  @Test
  void theRecurringPhraseIsATheme() {
    JsonObject report =
        manager.get("/api/reports/themes?survey=" + surveyId).expectStatus(200).json();
    JsonObject top = report.getJsonArray("themes").getJsonObject(0);
    assertThat(top.getString("term")).isEqualTo("delivery late");
    assertThat(top.getInt("comments")).isEqualTo(3);
    assertThat(top.getJsonArray("examples")).hasSize(3);
    String page =
        manager
            .get("/app/reports/themes?survey=" + surveyId)
            .expectStatus(200)
            .body()
            .replace("&#61;", "=");
    assertThat(page)
        .contains("3 comments this period", "+3 vs previous period", "theme=delivery+late");
  }

  @Test
  void predictionsStandNextToTheActualNps() {
    String round =
        manager
            .postJson(
                "/api/reports/predictions", Map.of("survey", surveyId, "from", today, "to", today))
            .expectStatus(201)
            .json()
            .getString("id");
    ownerClient
        .putJson(
            "/api/reports/predictions/" + round + "/mine",
            Map.of("nps", 50, "topComplaint", "prices"))
        .expectStatus(200);
    ownerClient
        .putJson(
            "/api/reports/predictions/" + round + "/mine",
            Map.of("nps", 40, "topComplaint", "prices"))
        .expectStatus(200);
    manager
        .putJson(
            "/api/reports/predictions/" + round + "/mine", Map.of("nps", 101, "topComplaint", "x"))
        .expectProblem(400);
    ownerClient.get("/api/reports/predictions/" + round).expectProblem(403);
    JsonObject result = manager.get("/api/reports/predictions/" + round).expectStatus(200).json();
    // 1 promoter, 4 detractors of 5: NPS -60; mean prediction 40; gap +100.
    assertThat(result.getJsonArray("predictions")).hasSize(1);
    assertThat(result.getJsonNumber("actualNps").doubleValue()).isEqualTo(-60.0);
    assertThat(result.getJsonNumber("gap").doubleValue()).isEqualTo(100.0);
    assertThat(result.getString("actualTopTheme")).isEqualTo("delivery late");
    assertThat(manager.get("/app/reports/predictions/" + round).expectStatus(200).body())
        .contains("+100.0 points", "Otto Words");
  }

  @Test
  void aManagerSearchesVerbatimsSeesMaskedTextAndClicksFromAThemeToItsVerbatims() {
    try (Browser browser = Browser.start()) {
      var driver = browser.driver();
      browser.open("/login");
      StaffMember m = StaffMember.create(ApiClient.admin(), "manager", "Bea Browser");
      driver.findElement(By.id("username")).sendKeys(m.username());
      driver.findElement(By.id("password")).sendKeys(m.password());
      driver.findElement(By.cssSelector("form button[type=submit]")).click();
      // the login's answer (and its cookie) first, then the next page
      browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
      browser.open("/app/reports/verbatims?survey=" + surveyId);
      driver.findElement(By.id("q")).sendKeys("charge");
      driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("verbatim-total"), "1 comment"));
      String list = driver.findElement(By.cssSelector("ol.verbatims")).getText();
      assertThat(list).contains("[card ••1111]").doesNotContain(CARD);
      browser.screenshot("reporting-verbatims-masked");
      driver.findElement(By.linkText("Themes")).click();
      browser.open("/app/reports/themes?survey=" + surveyId);
      driver.findElement(By.linkText("delivery late")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("verbatim-total"), "3 comment"));
      browser.checkNoLeaks();
      browser.screenshot("reporting-theme-verbatims");
    }
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a CSRF field on the page").isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
