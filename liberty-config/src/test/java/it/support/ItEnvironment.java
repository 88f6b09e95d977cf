package it.support;

import java.nio.file.Path;

/** Where the server under test is, as failsafe passes it (see liberty-config/pom.xml). */
public final class ItEnvironment {
  private ItEnvironment() {}

  /** e.g. http://localhost:9180, without a trailing slash. */
  public static String baseUrl() {
    return System.getProperty("verbatim.baseUrl", "http://localhost:9180").replaceAll("/+$", "");
  }

  public static int smtpPort() {
    return Integer.parseInt(System.getProperty("verbatim.smtpPort", "3025"));
  }

  public static String adminPassword() {
    return System.getProperty("verbatim.adminPassword", "it-admin-password");
  }

  public static Path screenshotDir() {
    return Path.of(System.getProperty("verbatim.screenshotDir", "target/screenshots"));
  }

  /** The build directory (target/), for browser profiles and caches. */
  public static Path buildDir() {
    return screenshotDir().toAbsolutePath().getParent();
  }
}
