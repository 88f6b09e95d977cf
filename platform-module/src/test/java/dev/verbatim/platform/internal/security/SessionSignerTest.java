package dev.verbatim.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionSignerTest {
  private static final byte[] KEY = key(7);
  private final SessionSigner signer = new SessionSigner(KEY);

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void aCookieSignedWithTheSharedKeyNamesItsSessionOnAnyServer() {
    String id = SessionSigner.randomValue();
    String cookie = signer.cookieValue(id);

    assertThat(cookie).startsWith(id + ".");
    assertThat(new SessionSigner(KEY.clone()).sessionIdFrom(cookie)).contains(id);
  }

  @Test
  void aTamperedCookieIsRefused() {
    String id = SessionSigner.randomValue();
    String cookie = signer.cookieValue(id);
    String otherId = SessionSigner.randomValue();
    String mac = cookie.substring(cookie.indexOf('.') + 1);

    assertThat(signer.sessionIdFrom(otherId + "." + mac)).isEmpty();
    assertThat(signer.sessionIdFrom(id + "." + flipLast(mac))).isEmpty();
    assertThat(signer.sessionIdFrom(flipLast(id) + "." + mac)).isEmpty();
    assertThat(signer.sessionIdFrom(id)).isEmpty();
    assertThat(signer.sessionIdFrom(id + ".")).isEmpty();
    assertThat(signer.sessionIdFrom(cookie + "x")).isEmpty();
    assertThat(signer.sessionIdFrom("")).isEmpty();
    assertThat(signer.sessionIdFrom(null)).isEmpty();
  }

  @Test
  void aCookieSignedWithAnotherKeyIsRefused() {
    String cookie = new SessionSigner(key(8)).cookieValue(SessionSigner.randomValue());

    assertThat(signer.sessionIdFrom(cookie)).isEmpty();
  }

  @Test
  void theCsrfTokenOfOneSessionIsNotTheTokenOfAnother() {
    String one = SessionSigner.randomValue();
    String other = SessionSigner.randomValue();

    assertThat(signer.csrfToken(one)).isEqualTo(new SessionSigner(KEY).csrfToken(one));
    assertThat(signer.csrfToken(one)).isNotEqualTo(signer.csrfToken(other));
  }

  @Test
  void eachUseSignsItsOwnPrefixSoNoValueServesTwoUses() {
    String value = SessionSigner.randomValue();
    String cookieMac = signer.cookieValue(value).substring(value.length() + 1);

    assertThat(signer.csrfToken(value))
        .isNotEqualTo(cookieMac)
        .isNotEqualTo(signer.loginCsrfToken(value));
    assertThat(signer.loginCsrfToken(value)).isNotEqualTo(cookieMac);
  }

  @Test
  void randomValuesAreLongAndUrlSafe() {
    String value = SessionSigner.randomValue();

    assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(SessionSigner.isRandomValue(value)).isTrue();
    assertThat(SessionSigner.isRandomValue(value + ";")).isFalse();
    assertThat(SessionSigner.isRandomValue("short")).isFalse();
    assertThat(SessionSigner.randomValue()).isNotEqualTo(value);
  }

  private static String flipLast(String text) {
    char last = text.charAt(text.length() - 1);
    return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
  }
}
