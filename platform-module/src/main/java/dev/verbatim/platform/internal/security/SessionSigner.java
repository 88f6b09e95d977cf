package dev.verbatim.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signatures of the staff session, all from one key that every server shares
 * ({@code SecretKeys}, purpose {@value #KEY_PURPOSE}). Each use signs its own prefix, so no value
 * made for one use is accepted for another:
 *
 * <ul>
 *   <li>the session cookie {@code <id>.<mac("session:" + id)>};
 *   <li>the CSRF token of a logged-in person, {@code mac("csrf:" + id)};
 *   <li>the CSRF token of the login form, {@code mac("login:" + value)}, where {@code value} is the
 *       random value of the visitor's login cookie.
 * </ul>
 *
 * Ids, values and macs are unpadded base64url. Checks compare in constant time.
 */
public final class SessionSigner {
  public static final String KEY_PURPOSE = "staff-session";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern RANDOM_VALUE = Pattern.compile("^[A-Za-z0-9_-]{43}$");
  private static final int RANDOM_BYTES = 32;

  private final SecretKeySpec key;

  public SessionSigner(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the session key must have at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** 32 random bytes, base64url: a session id or a login cookie's value. */
  public static String randomValue() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a value from a cookie has the shape {@link #randomValue()} gives. */
  public static boolean isRandomValue(String value) {
    return value != null && RANDOM_VALUE.matcher(value).matches();
  }

  public String cookieValue(String sessionId) {
    return sessionId + "." + mac("session:" + sessionId);
  }

  /** The session id a cookie names, if its signature is right; empty for anything else. */
  public Optional<String> sessionIdFrom(String cookieValue) {
    if (cookieValue == null) {
      return Optional.empty();
    }
    int dot = cookieValue.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String id = cookieValue.substring(0, dot);
    if (!isRandomValue(id) || !sameText(mac("session:" + id), cookieValue.substring(dot + 1))) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  public String csrfToken(String sessionId) {
    return mac("csrf:" + sessionId);
  }

  public String loginCsrfToken(String loginCookieValue) {
    return mac("login:" + loginCookieValue);
  }

  /** Constant-time comparison of two texts; false when either is missing. */
  public static boolean sameText(String expected, String submitted) {
    return expected != null
        && submitted != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
  }

  private String mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
