package dev.verbatim.survey.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives an invitation's personal token from the invitation id with a secret key (HMAC-SHA256), so
 * a reminder can carry the same link although only the token's hash is stored. The token has the
 * shape of {@link InvitationTokens#newToken()} (43 URL-safe characters).
 */
public final class InvitationTokenKey {
  private final byte[] secret;

  public InvitationTokenKey(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the token key needs at least 32 bytes");
    }
    this.secret = secret.clone();
  }

  public String tokenFor(String invitationId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(invitationId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
