package dev.verbatim.survey.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Personal link tokens: 256 random bits from SecureRandom, URL-safe. Only the SHA-256 hash is
 * stored, so a database leak does not reveal working links; a lookup hashes the presented token.
 */
public final class InvitationTokens {
  static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  private InvitationTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * Cheap shape check before touching the database; malformed tokens are treated like unknown ones.
   */
  public static boolean wellFormed(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }
}
