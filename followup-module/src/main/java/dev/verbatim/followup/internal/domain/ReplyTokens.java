package dev.verbatim.followup.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a case's reply address ({@code reply+<token>@}): 128 bits of HMAC-SHA256 of the case
 * id under a secret key, in lower-case hex. Derived, so every reply of the case carries the same
 * address without the token being stored; the case keeps only {@link #hash} of it to find itself
 * when the customer answers, so a database leak reveals no working address.
 */
public final class ReplyTokens {
  /** The purpose of the secret key the tokens are derived with. */
  public static final String KEY = "reply-token";

  /** Length of a token (32 hex digits); a stored hash is 40. */
  public static final int PLAIN_LENGTH = 32;

  private ReplyTokens() {}

  public static String derive(byte[] key, String caseId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(caseId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** SHA-256 of the token, the first 160 bits in hex (the stored column holds 40 characters). */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 20);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
