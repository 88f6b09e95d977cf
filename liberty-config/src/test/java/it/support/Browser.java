package it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by Debian's chromedriver) with a fresh profile under
 * target/. Selenium Manager cannot download anything here, so both paths are given explicitly. A
 * missing browser fails the test: it is never skipped.
 */
public final class Browser implements AutoCloseable {
  public static final File CHROMIUM = new File("/usr/bin/chromium");
  public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  /**
   * Selenium 4.52 ships no CDP bindings for Chromium 156; WebDriver itself works, so the warning is
   * noise.
   */
  private static final Logger CDP_VERSION_LOG =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private static final Logger CHROMIUM_LOG =
      Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  public static Browser start() {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      throw new AssertionError(
          "The browser tests need "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " (Debian packages chromium and chromium-driver; src/it/ensure-chromium.sh installs them).");
    }
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
    CHROMIUM_LOG.setLevel(Level.SEVERE);
    try {
      Path root = Files.createDirectories(ItEnvironment.buildDir().resolve("browser"));
      Path profile = Files.createTempDirectory(root, "profile-");
      Path config = Files.createDirectories(root.resolve("xdg-config"));
      Path cache = Files.createDirectories(root.resolve("xdg-cache"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER)
              .usingAnyFreePort()
              .withEnvironment(
                  Map.of("XDG_CONFIG_HOME", config.toString(), "XDG_CACHE_HOME", cache.toString()))
              .withLogFile(root.resolve("chromedriver.log").toFile())
              .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.getPath());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,1000",
          "--user-data-dir=" + profile);
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the application (or a full URL, such as the link from an email). */
  public void open(String pathOrUrl) {
    driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : ItEnvironment.baseUrl() + pathOrUrl);
    checkNoLeaks();
  }

  /** Runs {@link NoLeaks} on the current page. */
  public void checkNoLeaks() {
    NoLeaks.check("browser at " + driver.getCurrentUrl(), driver.getPageSource());
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /**
   * Saves a PNG of the viewport as {@code <verbatim.screenshotDir>/<name>.png} and returns its
   * path.
   */
  public Path screenshot(String name) {
    try {
      Path dir = Files.createDirectories(ItEnvironment.screenshotDir());
      Path file = dir.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
