package it.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A program manager sends a survey to an audience from the survey's send page, in the browser, and
 * reads the progress page: counts and who was skipped and why. Bad input is named on the page.
 */
class DistributionBrowserIT {
  private static Mailbox mailbox;
  private static ApiClient manager;
  private static StaffMember managerMember;

  @BeforeAll
  static void start() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    managerMember = StaffMember.create(admin, "manager", "Bea Browser");
    manager = managerMember.logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Olaf Owner"));
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void aManagerSendsToAnAudienceAndSeesTheProgressWithTheSkippedContacts() throws Exception {
    String batch = Names.suffix();
    String title = Names.unique("Quarterly check-in");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    String gold = Names.email("gold");
    SurveyFixtures.addContact(manager, gold, "Gil Gold", Map.of("batch", batch, "plan", "gold"));
    SurveyFixtures.addContact(
        manager, Names.email("trial"), "Tia Trial", Map.of("batch", batch, "plan", "trial"));
    String recent = Names.email("recent");
    String recentId =
        SurveyFixtures.addContact(
            manager, recent, "Rex Recent", Map.of("batch", batch, "plan", "gold"));
    SurveyFixtures.send(
        manager,
        SurveyFixtures.publishedSurvey(manager, Names.unique("Earlier")),
        List.of(recentId));

    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      browser.open("/app/surveys/" + surveyId + "/distributions");
      driver.findElement(By.id("username")).sendKeys(managerMember.username());
      driver.findElement(By.id("password")).sendKeys(managerMember.password());
      driver.findElement(By.xpath("//button[normalize-space()='Log in']")).click();
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));

      // A filter that cannot be read is named next to the field, with what was typed kept.
      driver.findElement(By.id("audience")).sendKeys("plan gold");
      driver.findElement(By.xpath("//button[normalize-space()='Send']")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("audience-error")));
      assertThat(driver.findElement(By.id("audience-error")).getText())
          .startsWith("Audience:")
          .contains("plan gold");
      assertThat(driver.findElement(By.id("audience")).getDomProperty("value"))
          .isEqualTo("plan gold");
      assertScreenshot(browser.screenshot("distribution-form-error"));

      driver.findElement(By.id("audience")).clear();
      driver.findElement(By.id("audience")).sendKeys("batch = " + batch + " AND plan = gold");
      assertThat(driver.findElement(By.cssSelector("input[name=when][value=now]")).isSelected())
          .isTrue();
      assertScreenshot(browser.screenshot("distribution-form"));
      driver.findElement(By.xpath("//button[normalize-space()='Send']")).click();

      browser
          .waiting()
          .until(ExpectedConditions.textToBe(By.tagName("h1"), "Distribution progress"));
      browser.checkNoLeaks();
      String metrics = driver.findElement(By.cssSelector("ul.metrics")).getText();
      assertThat(metrics).contains("1\ninvited").contains("1\nskipped");
      String skipped = driver.findElement(By.tagName("table")).getText();
      assertThat(skipped).contains(recent, "Rex Recent", "invited recently").doesNotContain(gold);
      mailbox.awaitMail(gold, title);
      driver.navigate().refresh();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("ul.metrics"), "1\nsent"));
      assertScreenshot(browser.screenshot("distribution-progress"));

      // The throttle period is a workspace setting managers change on a page.
      browser.open("/app/settings/sending");
      driver.findElement(By.id("throttleDays")).clear();
      driver.findElement(By.id("throttleDays")).sendKeys("400");
      driver.findElement(By.xpath("//button[normalize-space()='Save']")).click();
      browser
          .waiting()
          .until(ExpectedConditions.presenceOfElementLocated(By.id("throttleDays-error")));
      assertThat(driver.findElement(By.id("throttleDays-error")).getText())
          .contains("Days between invitations")
          .contains("between 0");
      assertThat(
              manager.get("/api/settings/sending").expectStatus(200).json().getInt("throttleDays"))
          .isEqualTo(30);
    }
  }

  private static void assertScreenshot(Path file) throws Exception {
    assertThat(file).exists().isRegularFile();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).as("size of %s", file).isGreaterThan(1000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PNG");
  }
}
