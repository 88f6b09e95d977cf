package it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReceivedMail;
import it.support.ReportsCaughtUp;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;

/**
 * Markup and script planted wherever people type (survey title, intro, prompts and options, staff
 * display names, team names, contact names and attributes through the API and a CSV import,
 * customers' comments, owners' replies and notes) is shown as text on every page it appears on, in
 * the mails it travels in, and in CSV exports, and never runs.
 */
class XssIT {
  private static Mailbox mailbox;
  private static ApiClient admin;
  private static ApiClient manager;
  private static StaffMember owner;
  private static ApiClient ownerClient;
  private static String surveyId;
  private static String surveyTitle;
  private static String tag;
  private static Invited customer;
  private static Invited formulaCustomer;
  private static String caseId;
  private static final List<String> CONTACT_EMAILS = new ArrayList<>();

  /** What each field got: field tag -> payload. */
  private static final Map<String, String> PLANTED = new LinkedHashMap<>();

  @BeforeAll
  static void plantPayloads() throws Exception {
    mailbox = Mailbox.start();
    tag = Names.suffix();
    admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Xss Manager").logIn();
    owner = StaffMember.create(admin, "owner", plant("stf", 2));
    ownerClient = owner.logIn();
    FallbackOwner.assign(manager, owner);
    String teamId = Teams.create(manager, plant("team", 1), owner);

    surveyTitle = plant("ttl", 1).replace("\"", "'") + " " + tag;
    PLANTED.put("ttl", surveyTitle);
    surveyId =
        manager
            .postJson(
                "/api/surveys",
                Map.of(
                    "title",
                    surveyTitle,
                    "intro",
                    plant("intro", 4),
                    "senderName",
                    plant("snd", 9),
                    "questions",
                    List.of(
                        Map.of("type", "NPS", "prompt", plant("prm", 3)),
                        Map.of("type", "TEXT", "prompt", plant("txt", 10)),
                        Map.of(
                            "type",
                            "SINGLE_CHOICE",
                            "prompt",
                            "Pick one",
                            "options",
                            List.of(plant("opta", 2), plant("optb", 5), plant("optc", 12))))))
            .expectStatus(201)
            .json()
            .getString("id");
    SurveyFixtures.publish(manager, surveyId);
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);

    // Contacts: one per payload through the API, two through a CSV import.
    List<String> names = XssCorpus.payloads("cnm");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String email = Names.email("xss" + i);
      CONTACT_EMAILS.add(email);
      ids.add(
          SurveyFixtures.addContact(
              manager, email, names.get(i) + " " + tag, Map.of("region", plant("att", 1))));
    }
    PLANTED.put("cnm", names.get(1));
    String importedEmail = Names.email("xss.import");
    CONTACT_EMAILS.add(importedEmail);
    String csv =
        "email,name,region\r\n"
            + importedEmail
            + ",\""
            + plant("imp", 1).replace("\"", "\"\"")
            + " "
            + tag
            + "\",\"=HYPERLINK(\"\"http://evil.example\"\")\"\r\n";
    awaitImport(
        manager
            .postBytes(
                "/api/contacts/imports?fileName=xss.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))
            .expectStatus(202)
            .location());

    customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, surveyTitle, "Cora").get(0);
    formulaCustomer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, surveyTitle, "Felix").get(0);
    SurveyFixtures.answerByApi(
        customer, 2, plant("cmt", 1) + " " + XssCorpus.payloads("cmt2").get(3));
    SurveyFixtures.answerByApi(
        formulaCustomer, 9, "=HYPERLINK(\"http://evil.example\",\"x\") " + tag);
    caseId = SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("id");
    ownerClient
        .postJson("/api/cases/" + caseId + "/notes", Map.of("text", plant("note", 4)))
        .expectStatus(201);
    ownerClient
        .postJson("/api/cases/" + caseId + "/replies", Map.of("text", plant("rep", 1)))
        .expectStatus(200);
    ReportsCaughtUp.await();
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static void awaitImport(String location) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      String status = manager.get(location).expectStatus(200).json().getString("status");
      if (status.equals("DONE")) {
        return;
      }
      assertThat(status).as("import status").isNotEqualTo("FAILED");
      Thread.sleep(200);
    }
    throw new AssertionError("the CSV import did not finish in 60 s");
  }

  private static String plant(String field, int index) {
    String payload = XssCorpus.payloads(field).get(index);
    PLANTED.put(field, payload);
    return payload;
  }

  @Test
  void staffPagesShowEveryPayloadAsTextAndRunNoneOfThem() {
    try (Browser browser = Browser.start()) {
      logIn(browser, owner);
      expectInert(browser, "/app/cases/" + caseId, "xss-cmt-1", "xss-note-", "xss-rep-1");
      expectInert(browser, "/app/cases", "xss-ttl-1");
      logIn(browser, null);
      Map<String, List<String>> pages = new LinkedHashMap<>();
      pages.put("/app/surveys", List.of("xss-ttl-1"));
      pages.put("/app/surveys/" + surveyId, List.of("xss-ttl-1", "xss-intro-", "xss-opta-2"));
      pages.put("/app/surveys/" + surveyId + "/preview", List.of("xss-intro-", "xss-optb-5"));
      pages.put("/app/contacts?q=" + tag, List.of("xss-cnm-1", "xss-cnm-10", "xss-imp-1"));
      pages.put("/app/cases/" + caseId, List.of("xss-cmt-1", "xss-rep-1", "xss-stf-2"));
      pages.put("/app/cases", List.of());
      pages.put("/app/users", List.of("xss-stf-2"));
      pages.put("/app/routing", List.of("xss-team-1"));
      pages.put("/app/reports", List.of());
      pages.put("/app/reports/surveys/" + surveyId, List.of("xss-ttl-1"));
      pages.put("/app/reports/verbatims?survey=" + surveyId, List.of());
      pages.put("/app/reports/themes", List.of());
      pages.put("/app/reports/root-causes", List.of());
      pages.put("/app/surveys/" + surveyId + "/distributions", List.of());
      pages.put("/app/triage", List.of());
      pages.forEach(
          (page, expected) -> expectInert(browser, page, expected.toArray(String[]::new)));
    }
  }

  @Test
  void customerPagesShowThePayloadsAsTextAndRunNoneOfThem() {
    Invited fresh =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, surveyTitle, "Vera").get(0);
    try (Browser browser = Browser.start()) {
      expectInert(browser, fresh.page(), "xss-ttl-1", "xss-intro-", "xss-opta-2", "onmouseover=");
      expectInert(browser, customer.page(), "xss-ttl-1");
      expectInert(browser, "/u/" + fresh.token());
    }
  }

  @Test
  void mailsCarryThePayloadsEscapedNeverAsMarkup() {
    ReceivedMail invitation = mailbox.awaitMail(customer.email(), surveyTitle);
    assertThat(invitation.html())
        .as("invitation HTML part")
        .contains("xss-ttl-1", "xss-intro-4")
        .doesNotContain("<img id=", "<iframe id=", "<script");
    ReceivedMail reply =
        mailbox
            .awaitMails(
                customer.email(),
                m -> m.text() != null && m.text().contains("xss-rep-1"),
                1,
                "the owner's reply")
            .get(0);
    assertThat(reply.html())
        .as("reply HTML part")
        .contains("xss-rep-1")
        .doesNotContain("<img id=", "<script", "<svg id=");
    ReceivedMail notification =
        mailbox
            .awaitMails(
                owner.email(),
                m -> m.html() != null && m.html().contains("xss-cmt-1"),
                1,
                "the owner's notification of the comment")
            .get(0);
    assertThat(notification.html()).doesNotContain("<img id=", "<svg id=", "<script");
  }

  @Test
  void csvExportsKeepTheTextAndNeutraliseFormulas() {
    String contacts = manager.get("/api/contacts/export?q=" + tag).expectStatus(200).body();
    assertThat(contacts)
        .contains("<img id=\"\"xss-cnm-1\"\"")
        .contains("'=HYPERLINK(")
        .doesNotContain(",=HYPERLINK(");
    String verbatims =
        manager.get("/api/reports/verbatims/csv?survey=" + surveyId).expectStatus(200).body();
    assertThat(verbatims)
        .contains("<img id=\"\"xss-cmt-1\"\"", "'=HYPERLINK(")
        .doesNotContain(",=HYPERLINK(", "\n=HYPERLINK(");
    String cases =
        manager.get("/api/reports/cases.csv?survey=" + surveyId).expectStatus(200).body();
    assertThat(cases).doesNotContain(",=HYPERLINK(").doesNotContain("\n=HYPERLINK(");
  }

  /** Logs the browser in as {@code member} (null: the admin). */
  private static void logIn(Browser browser, StaffMember member) {
    WebDriver driver = browser.driver();
    browser.open("/login");
    driver.manage().deleteAllCookies();
    browser.open("/login");
    driver.findElement(By.id("username")).sendKeys(member == null ? "admin" : member.username());
    driver
        .findElement(By.id("password"))
        .sendKeys(member == null ? it.support.ItEnvironment.adminPassword() : member.password());
    driver.findElement(By.xpath("//button[normalize-space()='Log in']")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/app"));
  }

  /**
   * Opens the page, lets images fail and handlers fire, then asserts: no alert, no element with an
   * {@code xss-} id, no {@code window.__xss}, and each expected marker visible as text.
   */
  private static void expectInert(Browser browser, String page, String... visibleMarkers) {
    WebDriver driver = browser.driver();
    browser.open(page);
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      String text = driver.switchTo().alert().getText();
      throw new AssertionError("an alert (\"" + text + "\") opened on " + page);
    } catch (NoAlertPresentException expected) {
      // no script ran
    }
    Object injected =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var e = document.querySelector('[id^=\"xss-\"]');"
                    + " return (e ? e.outerHTML : '') + '|' + (window.__xss === undefined ? '' :"
                    + " String(window.__xss));");
    assertThat(String.valueOf(injected))
        .as("injected element or script marker on %s", page)
        .isEqualTo("|");
    Object shown =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.body.innerText + ' ' + Array.from(document.querySelectorAll("
                    + "'input, textarea, option')).map(e => e.value).join(' ');");
    for (String marker : visibleMarkers) {
      assertThat(String.valueOf(shown))
          .as("%s shows %s as text (or as a form field's value)", page, marker)
          .contains(marker);
    }
  }
}
