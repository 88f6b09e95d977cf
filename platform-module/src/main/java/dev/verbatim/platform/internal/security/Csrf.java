package dev.verbatim.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer-token CSRF protection: one random token per session, sent back in a hidden {@code
 * _csrf} field.
 */
public final class Csrf {
  public static final String FIELD = "_csrf";
  private static final String ATTRIBUTE = "verbatim.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  public static String tokenFor(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    String token = (String) session.getAttribute(ATTRIBUTE);
    if (token == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(ATTRIBUTE, token);
    }
    return token;
  }

  public static boolean isValid(HttpServletRequest request, String submitted) {
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
    return expected != null
        && submitted != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
  }
}
