package it;

import static it.support.SurveyFixtures.COMMENT_KEY;
import static it.support.SurveyFixtures.COMMENT_PROMPT;
import static it.support.SurveyFixtures.NPS_KEY;
import static it.support.SurveyFixtures.NPS_PROMPT;
import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReceivedMail;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The customer's survey page and the owner's case page in a real headless Chromium: what people see
 * and click, with screenshots under {@code verbatim.screenshotDir}. Set-up goes through the API;
 * every survey here is routed to this class's owner through a team.
 */
class RespondentBrowserIT {
  private static Mailbox mailbox;
  private static ApiClient manager;
  private static StaffMember owner;
  private static ApiClient ownerClient;
  private static String teamId;

  private Browser browser;
  private WebDriver driver;

  @BeforeAll
  static void staffAndRouting() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Bea Browsermanager").logIn();
    owner = StaffMember.create(admin, "owner", "Rosa Replier");
    ownerClient = owner.logIn();
    FallbackOwner.assign(manager, owner);
    teamId = Teams.create(manager, "Rosa's team", owner);
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @BeforeEach
  void startBrowser() {
    browser = Browser.start();
    driver = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aCustomerAnswersTheSurveyFromTheLinkInTheirEmailAndIsThanked() throws IOException {
    String title = Names.unique("Your visit to our store");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Hedy Lamarr").get(0);

    browser.open(customer.link());
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    assertThat(driver.findElement(By.cssSelector("#q-" + NPS_KEY + " legend")).getText())
        .contains(NPS_PROMPT);
    assertThat(driver.findElement(By.cssSelector("#q-" + COMMENT_KEY + " legend")).getText())
        .contains(COMMENT_PROMPT, "(optional)");
    assertThat(driver.findElements(By.name("a_" + NPS_KEY)))
        .extracting(e -> e.getDomProperty("value"))
        .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    WebElement comment = driver.findElement(By.id("a_" + COMMENT_KEY));
    assertThat(comment.isDisplayed()).isTrue();
    assertScreenshot(browser.screenshot("respondent-survey-page"));

    chooseScore(9);
    assertThat(scoreRadio(9).isSelected()).isTrue();
    String words = "Lovely shop, but the fitting rooms were closed " + Names.suffix();
    comment.sendKeys(words);
    assertScreenshot(browser.screenshot("respondent-survey-filled-in"));
    driver.findElement(By.xpath("//button[normalize-space()='Send my answers']")).click();

    browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you!"));
    browser.checkNoLeaks();
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(title);
    assertScreenshot(browser.screenshot("respondent-thank-you"));

    // What the customer typed reached their owner.
    JsonObject theCase = SurveyFixtures.caseOf(ownerClient, surveyId, customer);
    assertThat(theCase.getString("comment")).isEqualTo(words);
    assertThat(theCase.getInt("score")).isEqualTo(9);
  }

  @Test
  void aCustomerWhoForgetsTheScoreSeesTheMessageNextToTheQuestionWithTheirCommentStillThere()
      throws IOException {
    String title = Names.unique("Your delivery");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Mary Jackson").get(0);
    String words = "The driver was kind & quick, the box was \"crushed\" <a little>.";

    browser.open(customer.link());
    driver.findElement(By.id("a_" + COMMENT_KEY)).sendKeys(words);
    driver.findElement(By.xpath("//button[normalize-space()='Send my answers']")).click();

    WebElement message =
        browser
            .waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#q-" + NPS_KEY + " .field-error")));
    browser.checkNoLeaks();
    assertThat(message.getText()).isEqualTo("Please answer this question.");
    assertThat(driver.findElement(By.id("q-" + NPS_KEY)).getDomAttribute("aria-describedby"))
        .isEqualTo(message.getDomAttribute("id"));
    assertThat(driver.findElements(By.cssSelector("#q-" + COMMENT_KEY + " .field-error")))
        .as("no message at the optional comment")
        .isEmpty();
    assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("Please check the questions marked below.");
    assertThat(driver.findElement(By.id("a_" + COMMENT_KEY)).getDomProperty("value"))
        .isEqualTo(words);
    assertScreenshot(browser.screenshot("respondent-missing-score"));

    // Choosing the score is then enough.
    chooseScore(6);
    driver.findElement(By.xpath("//button[normalize-space()='Send my answers']")).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you!"));
    assertThat(SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("comment"))
        .isEqualTo(words);
  }

  @Test
  void anOwnerLogsInRepliesToACustomerAndClosesTheCase() throws IOException {
    String title = Names.unique("Your support call");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Radia Perlman").get(0);
    String words = "I waited forty minutes on hold " + Names.suffix();
    SurveyFixtures.answerByApi(customer, 2, words);

    // A staff page sends her to the login form first, and back afterwards.
    browser.open("/app/cases");
    assertThat(driver.getCurrentUrl()).contains("/login");
    driver.findElement(By.id("username")).sendKeys(owner.username());
    driver.findElement(By.id("password")).sendKeys(owner.password());
    driver.findElement(By.xpath("//button[normalize-space()='Log in']")).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "My cases"));
    assertThat(driver.getCurrentUrl()).endsWith("/app/cases");

    // Her inbox lists the comment; she opens the case.
    driver.findElement(By.linkText(words)).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Radia Perlman"));
    browser.checkNoLeaks();
    assertThat(driver.findElement(By.id("comment")).getText()).isEqualTo(words);
    assertThat(driver.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("OPEN");
    assertThat(driver.findElement(By.cssSelector("dl.facts")).getText())
        .contains("2 / 10", title, customer.email(), "EMEA");

    // She replies through the form (which carries the CSRF token).
    String reply =
        "Radia, I am sorry about the wait. I have booked a call back for you tomorrow at nine.";
    driver.findElement(By.id("text")).sendKeys(reply);
    driver.findElement(By.xpath("//button[normalize-space()='Send reply']")).click();
    WebElement notice =
        browser
            .waiting()
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
    browser.checkNoLeaks();
    assertThat(notice.getText()).contains("Reply sent");
    assertThat(driver.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("REPLIED");
    assertThat(driver.findElement(By.cssSelector("main")).getText()).contains(reply);
    assertScreenshot(browser.screenshot("owner-case-replied"));
    ReceivedMail mail = mailbox.awaitMail(customer.email(), "Re: your feedback on " + title);
    assertThat(mail.text()).contains(reply, "> " + words);

    // And closes it with a root cause.
    new Select(driver.findElement(By.id("rootCause"))).selectByVisibleText("Support experience");
    driver
        .findElement(By.id("resolution"))
        .sendKeys("Call back booked; hold times raised with the support lead.");
    driver.findElement(By.xpath("//button[normalize-space()='Close case']")).click();
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "Case closed."));
    browser.checkNoLeaks();
    assertThat(driver.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("CLOSED");
    assertThat(driver.findElement(By.cssSelector("dl.facts")).getText())
        .contains("Support experience", "hold times raised");
    assertThat(driver.findElements(By.id("text"))).as("no reply form on a closed case").isEmpty();
    assertScreenshot(browser.screenshot("owner-case-closed"));

    JsonObject closed = SurveyFixtures.caseOf(ownerClient, surveyId, customer);
    assertThat(closed.getString("status")).isEqualTo("CLOSED");
    assertThat(closed.getString("rootCause")).isEqualTo("SUPPORT");
  }

  // ---------------------------------------------------------------------------------------------

  private static String publishedSurveyRoutedToTheTeam(String title) {
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    return surveyId;
  }

  /** The radio itself is visually hidden; people click the numbered box around it. */
  private void chooseScore(int score) {
    driver
        .findElement(
            By.xpath(
                "//fieldset[@id='q-" + NPS_KEY + "']//label[normalize-space(.)='" + score + "']"))
        .click();
  }

  private WebElement scoreRadio(int score) {
    return driver.findElement(
        By.cssSelector("input[name='a_" + NPS_KEY + "'][value='" + score + "']"));
  }

  private static void assertScreenshot(Path file) throws IOException {
    assertThat(file).exists().isRegularFile();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).as("size of %s", file).isGreaterThan(1000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .as("PNG signature of %s", file)
        .isEqualTo("PNG");
  }
}
