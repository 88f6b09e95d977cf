package it.design;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.FallbackOwner;
import it.support.ItEnvironment;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The designer used with the keyboard only (Tab, Enter, Space, arrows), and the respondent page
 * with every question type at phone size (360 × 740), in headless Chromium with screenshots.
 */
class SurveyDesignerBrowserIT {
  private static Mailbox mailbox;
  private static StaffMember managerMember;
  private static ApiClient manager;

  private Browser browser;
  private WebDriver driver;

  @BeforeAll
  static void staff() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    managerMember = StaffMember.create(admin, "manager", "Kira Keyboard");
    manager = managerMember.logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Odile Owner"));
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

  private void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Moves the focus with Tab only, as a keyboard user does, until it reaches the element. */
  private WebElement tabTo(By target) {
    WebElement element = driver.findElement(target);
    for (int i = 0; i < 200; i++) {
      if (driver.switchTo().activeElement().equals(element)) {
        return element;
      }
      press(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + target);
  }

  private void awaitNotice(String text) {
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), text));
    browser.checkNoLeaks();
  }

  private List<String> questionHeadings() {
    return driver.findElements(By.cssSelector("form.designer-question h3")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void aManagerAddsReordersAndPublishesQuestionsWithTheKeyboardOnly() throws Exception {
    String title = Names.unique("Keyboard survey");
    String id = SurveyFixtures.createNpsAndComment(manager, title).getString("id");

    browser.open("/app/surveys/" + id);
    tabTo(By.id("username"));
    press(managerMember.username(), Keys.TAB, managerMember.password(), Keys.ENTER);
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
    assertThat(driver.findElement(By.id("estimate")).getText()).isEqualTo("about 45 seconds");

    // Add a single-choice question: arrows pick the type, Space ticks "Required", Enter adds.
    tabTo(By.id("new-type"));
    press(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertThat(driver.findElement(By.id("new-type")).getDomProperty("value"))
        .isEqualTo("SINGLE_CHOICE");
    press(Keys.TAB, "How did you hear about us?");
    press(Keys.TAB, "A friend", Keys.ENTER, "A search engine", Keys.ENTER, "An advert");
    press(Keys.TAB, " ");
    assertThat(driver.findElement(By.id("new-required")).isSelected()).isTrue();
    tabTo(By.xpath("//button[normalize-space()='Add question']"));
    press(Keys.ENTER);
    awaitNotice("Question added.");
    assertThat(questionHeadings()).hasSize(3);
    assertThat(questionHeadings().get(2)).contains("3. Single choice", "single_choice_3");
    assertThat(driver.findElement(By.id("options-single_choice_3")).getDomProperty("value"))
        .isEqualTo("A friend\nA search engine\nAn advert");
    assertThat(driver.findElement(By.id("estimate")).getText()).isEqualTo("about 50 seconds");

    // Move it up with Enter on its "Move up" button.
    tabTo(By.cssSelector("#question-single_choice_3 button[value=up]"));
    press(Keys.ENTER);
    awaitNotice("Moved up.");
    assertThat(questionHeadings().get(1)).contains("2. Single choice");
    assertThat(questionHeadings().get(2)).contains("3. Long text");

    // Publish with Space.
    tabTo(By.xpath("//button[normalize-space()='Publish version 1']"));
    press(" ");
    awaitNotice("Published version 1");
    assertThat(driver.findElement(By.cssSelector("h1 .status")).getText()).isEqualTo("PUBLISHED");
    assertScreenshot(browser.screenshot("designer-keyboard-published"));

    assertThat(
            manager
                .get("/api/surveys/" + id)
                .expectStatus(200)
                .json()
                .getJsonArray("questions")
                .getJsonObject(1)
                .getString("type"))
        .isEqualTo("SINGLE_CHOICE");

    // The preview is the customer's page, with nothing to send.
    browser.open("/app/surveys/" + id + "/preview");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    assertThat(driver.findElements(By.cssSelector("fieldset.question"))).hasSize(3);
    assertThat(
            driver
                .findElement(By.xpath("//button[normalize-space()='Send my answers']"))
                .isEnabled())
        .isFalse();
  }

  @Test
  void theRespondentPageWithEveryQuestionTypeFitsAPhoneAndLoadsNothingFromElsewhere()
      throws Exception {
    String title = Names.unique("Phone survey");
    String id =
        manager
            .postJson("/api/surveys", SurveyDesignIT.draft(title, SurveyDesignIT.everyType()))
            .expectStatus(201)
            .json()
            .getString("id");
    SurveyFixtures.publish(manager, id);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, id, title, "Pia Phone").get(0);

    driver.manage().window().setSize(new Dimension(360, 740));
    browser.open(customer.link());
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertThat(((Number) js.executeScript("return window.innerWidth")).intValue())
        .isLessThanOrEqualTo(360);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    assertScreenshot(browser.screenshot("respondent-all-types-phone"));

    assertThat(
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
        .as("no horizontal scrolling at 360 px")
        .isLessThanOrEqualTo(360);
    assertThat(driver.findElements(By.cssSelector("fieldset.question > legend"))).hasSize(8);
    assertThat(
            ((Number)
                    js.executeScript(
                        "return [...document.querySelectorAll("
                            + "'input:not([type=hidden]), textarea, select')]"
                            + ".filter(e => !(e.labels && e.labels.length)).length"))
                .intValue())
        .as("inputs without a label")
        .isZero();
    assertThat(driver.findElements(By.cssSelector("input[type=checkbox][name=a_liked]")))
        .hasSize(3);
    assertThat(driver.findElement(By.cssSelector("label[for=a_channel_1]")).getText())
        .isEqualTo("Phone");
    assertThat(driver.findElement(By.cssSelector("#q-effort .scale-ends")).getText())
        .contains("Very difficult", "Very easy");

    String source = driver.getPageSource();
    assertThat(source).doesNotContain("src=\"http", "href=\"http", "url(http", "@import");
    @SuppressWarnings("unchecked")
    List<String> loaded =
        (List<String>)
            js.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
    assertThat(loaded).allSatisfy(url -> assertThat(url).startsWith(ItEnvironment.baseUrl()));

    // The survey's accent colour is the button colour.
    assertThat(
            driver
                .findElement(By.xpath("//button[normalize-space()='Send my answers']"))
                .getCssValue("background-color"))
        .isIn("rgba(170, 51, 0, 1)", "rgb(170, 51, 0)");

    // Answering on the phone works too.
    driver.findElement(By.xpath("//fieldset[@id='q-rec']//label[normalize-space(.)='9']")).click();
    driver.findElement(By.xpath("//fieldset[@id='q-sat']//label[normalize-space(.)='4']")).click();
    driver
        .findElement(By.xpath("//fieldset[@id='q-effort']//label[normalize-space(.)='6']"))
        .click();
    driver
        .findElement(By.xpath("//fieldset[@id='q-stars']//label[normalize-space(.)='5']"))
        .click();
    driver.findElement(By.cssSelector("label[for=a_channel_0]")).click();
    driver.findElement(By.xpath("//button[normalize-space()='Send my answers']")).click();
    browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you!"));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Thanks, we read every word.");
  }

  private static void assertScreenshot(Path file) throws Exception {
    assertThat(file).exists().isRegularFile();
    assertThat(Files.size(file)).isGreaterThan(1000);
  }
}
