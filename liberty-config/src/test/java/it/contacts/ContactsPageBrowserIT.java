package it.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.ItEnvironment;
import it.support.Names;
import it.support.StaffMember;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The contacts page in headless Chromium: a program manager uploads a CSV through the form, watches
 * the import page until it is finished, reads the rejected rows, then searches and pages through
 * the imported contacts.
 */
class ContactsPageBrowserIT {

  @Test
  void aManagerImportsAFileSeesTheRejectedRowsThenSearchesAndPages() throws Exception {
    StaffMember manager = StaffMember.create(ApiClient.admin(), "manager", "Bea Browser");
    String tag = Names.suffix();
    StringBuilder csv = new StringBuilder("email,name,Region\n");
    for (int i = 1; i <= 120; i++) {
      csv.append(String.format("p%03d.%s@example.com,Person %d,Region %d%n", i, tag, i, i % 3));
    }
    csv.append("broken-").append(tag).append(",Broken,EMEA\n");
    csv.append("p001.").append(tag).append("@example.com,Again,EMEA\n");
    Path dir = Files.createDirectories(ItEnvironment.buildDir().resolve("contact-uploads"));
    Path file = dir.resolve("contacts-" + tag + ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Path pdf = dir.resolve("not-contacts-" + tag + ".pdf");
    Files.write(pdf, "%PDF-1.4\n%\u00e2\n".getBytes(StandardCharsets.ISO_8859_1));

    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      browser.open("/app/contacts");
      driver.findElement(By.id("username")).sendKeys(manager.username());
      driver.findElement(By.id("password")).sendKeys(manager.password());
      driver.findElement(By.xpath("//button[normalize-space()='Log in']")).click();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("file")));

      driver.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
      driver.findElement(By.xpath("//button[normalize-space()='Import']")).click();
      WebElement refused =
          browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("file-error")));
      assertThat(refused.getText()).startsWith("CSV file:").contains("PDF");

      driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      driver.findElement(By.xpath("//button[normalize-space()='Import']")).click();
      new WebDriverWait(driver, Duration.ofSeconds(60))
          .until(ExpectedConditions.textToBe(By.id("progress-label"), "Finished"));
      browser.checkNoLeaks();
      assertThat(driver.findElement(By.id("progress")).getAttribute("value")).isEqualTo("100");
      assertThat(driver.findElement(By.id("counts")).getText())
          .isEqualTo("122 of 122 rows processed: 120 created, 0 updated, 2 rejected.");
      List<String> errors =
          driver.findElements(By.cssSelector("#row-errors tbody tr")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(errors)
          .containsExactly(
              "122 email is not a valid email address",
              "123 email repeats the email of line 2 (duplicate in file)");
      browser.screenshot("contact-import-finished");

      driver.findElement(By.linkText("Back to contacts")).click();
      WebElement search =
          browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
      search.sendKeys(tag);
      driver.findElement(By.xpath("//button[normalize-space()='Search']")).click();
      browser.waiting().until(ExpectedConditions.urlContains("q=" + tag));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Contacts (120)");
      assertThat(driver.findElements(By.cssSelector("tbody tr"))).hasSize(50);
      assertThat(driver.findElement(By.cssSelector("tbody tr")).getText())
          .contains("p001." + tag + "@example.com", "Person 1", "Region: Region 1");

      driver.findElement(By.cssSelector("a[aria-label='Page 3']")).click();
      browser.waiting().until(ExpectedConditions.urlContains("page=3"));
      List<WebElement> rows = driver.findElements(By.cssSelector("tbody tr"));
      assertThat(rows).hasSize(20);
      assertThat(rows.get(0).getText()).contains("p101." + tag);
      assertThat(driver.findElement(By.cssSelector("[aria-current=page]")).getText())
          .isEqualTo("3");
      assertThat(driver.findElement(By.cssSelector("a[href*='/app/contacts/export']")).getText())
          .isEqualTo("Export these 120 as CSV");
      browser.checkNoLeaks();
      browser.screenshot("contacts-page-3");
    }
  }
}
