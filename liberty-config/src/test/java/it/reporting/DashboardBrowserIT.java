package it.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.Browser;
import it.support.StaffMember;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in headless Chromium: charts are SVG images with a text alternative, no script
 * errors, and a number leads to the comments behind it with the report's filters.
 */
class DashboardBrowserIT {

  @Test
  void aManagerSeesTheChartsAndFollowsANumberToItsVerbatims() {
    ApiClient admin = ApiClient.admin();
    StaffMember manager = StaffMember.create(admin, "manager", "Dora Dashboard");
    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      browser.open("/app/reports?from=2020-01-01");
      driver.findElement(By.id("username")).sendKeys(manager.username());
      driver.findElement(By.id("password")).sendKeys(manager.password());
      driver.findElement(By.xpath("//button[normalize-space()='Log in']")).click();
      browser
          .waiting()
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Reports"));
      browser.checkNoLeaks();

      List<WebElement> charts = driver.findElements(By.cssSelector("svg[role='img']"));
      assertThat(charts)
          .as("trend, NPS distribution and funnel charts")
          .hasSizeGreaterThanOrEqualTo(2);
      for (WebElement chart : charts) {
        assertThat(chart.findElement(By.tagName("title")).getDomProperty("textContent"))
            .isNotBlank();
        assertThat(chart.getSize().getHeight()).as("rendered").isPositive();
      }
      assertThat(driver.findElements(By.tagName("script")))
          .as("the charts need no JavaScript")
          .isEmpty();
      assertThat(
              driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                  .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                  .filter(e -> !e.getMessage().contains("favicon.ico"))
                  .map(LogEntry::getMessage)
                  .toList())
          .as("errors in the browser console")
          .isEmpty();
      browser.screenshot("reporting-dashboard");

      WebElement replied = driver.findElement(By.cssSelector("[data-metric='replied'] a"));
      replied.click();
      browser.waiting().until(ExpectedConditions.urlContains("/app/reports/verbatims"));
      URI followed = URI.create(driver.getCurrentUrl());
      assertThat(followed.getPath()).isEqualTo("/app/reports/verbatims");
      assertThat(followed.getQuery()).contains("from=2020-01-01").contains("status=replied");
    }
  }
}
