package it;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The case page in a real headless Chromium: an owner logs in, opens a case, adds an internal note,
 * replies, closes it, and the page is saved as a screenshot under {@code verbatim.screenshotDir}.
 */
class CasePageBrowserIT {
  private static Mailbox mailbox;
  private static ApiClient manager;
  private static StaffMember owner;
  private static String teamId;

  @BeforeAll
  static void staffAndRouting() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Pia Pagemanager").logIn();
    owner = StaffMember.create(admin, "owner", "Nora Notetaker");
    FallbackOwner.assign(manager, owner);
    teamId = Teams.create(manager, "Nora's team", owner);
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void anOwnerAddsANoteRepliesAndClosesACaseOnTheCasePage() throws IOException {
    String title = Names.unique("Your repair");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Tim Berners").get(0);
    String words = "The repair took a month <b>and</b> nobody called " + Names.suffix();
    SurveyFixtures.answerByApi(customer, 3, words);
    String caseId = SurveyFixtures.caseOf(owner.logIn(), surveyId, customer).getString("id");

    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      browser.open("/app/cases/" + caseId);
      driver.findElement(By.id("username")).sendKeys(owner.username());
      driver.findElement(By.id("password")).sendKeys(owner.password());
      driver.findElement(By.xpath("//button[normalize-space()='Log in']")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tim Berners"));
      browser.checkNoLeaks();
      assertThat(driver.findElement(By.id("comment")).getText())
          .as("the customer's markup shown as text")
          .isEqualTo(words);
      assertThat(driver.findElement(By.id("priority")).getText()).isEqualTo("HIGH");
      assertThat(driver.findElement(By.id("due")).getText()).contains("UTC");

      // An internal note, shown apart from what the customer sees.
      String note = "Spoke to the workshop: parts were back-ordered.";
      driver.findElement(By.id("note-text")).sendKeys(note);
      driver.findElement(By.xpath("//button[normalize-space()='Add note']")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector(".notice"), "Note added"));
      WebElement noteCard = driver.findElement(By.cssSelector("#thread article.note"));
      assertThat(noteCard.getText()).contains("Internal note, not sent", note, "Nora Notetaker");

      // A reply to the customer.
      String reply = "Tim, I am sorry: the parts were late. Your device is ready today.";
      driver.findElement(By.id("text")).sendKeys(reply);
      driver.findElement(By.xpath("//button[normalize-space()='Send reply']")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector(".notice"), "Reply sent"));
      assertThat(driver.findElement(By.cssSelector("#thread article.outgoing")).getText())
          .contains(reply);

      // Closing without a root cause is refused next to the field, with the text kept.
      driver.findElement(By.id("resolution")).sendKeys("Parts re-ordered from a second supplier.");
      driver.findElement(By.xpath("//button[normalize-space()='Close case']")).click();
      WebElement error =
          browser
              .waiting()
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("rootCause-error")));
      assertThat(driver.findElement(By.id("rootCause")).getDomAttribute("aria-describedby"))
          .isEqualTo("rootCause-error");
      assertThat(error.getText()).isNotBlank();
      assertThat(driver.findElement(By.id("resolution")).getDomProperty("value"))
          .isEqualTo("Parts re-ordered from a second supplier.");

      new Select(driver.findElement(By.id("rootCause"))).selectByVisibleText("Support experience");
      driver.findElement(By.xpath("//button[normalize-space()='Close case']")).click();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector(".notice"), "Case closed."));
      browser.checkNoLeaks();
      assertThat(driver.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("CLOSED");
      assertThat(driver.findElements(By.xpath("//button[normalize-space()='Reopen case']")))
          .hasSize(1);

      // The history, collapsed by default, opens without JavaScript.
      driver.findElement(By.cssSelector("#trail summary")).click();
      assertThat(driver.findElement(By.cssSelector("#trail table")).getText())
          .contains("CREATED", "NOTE", "REPLIED", "CLOSED", "Nora Notetaker");

      // The screenshot shows the top of the page: the customer's words and the facts.
      ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
      Path shot = browser.screenshot("case-page-worked");
      assertThat(shot).exists().isRegularFile();
      assertThat(Files.size(shot)).as("size of %s", shot).isGreaterThan(1000);

      // The inbox lists the case with its customer's words, sorted by due time.
      browser.open("/app/cases?status=ALL");
      WebElement row =
          browser
              .waiting()
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("a[href='/app/cases/" + caseId + "']")));
      assertThat(row.getText()).contains("The repair took a month <b>and</b> nobody called");
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains("My cases");
      browser.checkNoLeaks();
      Path inbox = browser.screenshot("owner-inbox");
      assertThat(Files.size(inbox)).as("size of %s", inbox).isGreaterThan(1000);
    }
  }
}
