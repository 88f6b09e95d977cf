package it.support;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The server's database lives as long as the server, across test classes: every user name, email
 * and survey title a test creates carries a random suffix so tests never see each other's data.
 */
public final class Names {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Names() {}

  /** Six random hex digits. */
  public static String suffix() {
    byte[] bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public static String unique(String prefix) {
    return prefix + "-" + suffix();
  }

  /** A fresh address at example.com (GreenMail accepts any recipient). */
  public static String email(String localPart) {
    return localPart + "." + suffix() + "@example.com";
  }
}
