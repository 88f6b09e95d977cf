package dev.verbatim.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.platform.internal.security.StaffSessionStore.ActiveSession;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two "servers" (two StaffSessions with their own memory) sharing one key and one session table:
 * what one sets, the other accepts; what one ends, the other refuses.
 */
class StaffSessionsTest {
  private final byte[] key = new byte[32];
  private final FakeStore table = new FakeStore();
  private final MovableClock clock = new MovableClock();
  private final StaffSessions serverA = server();
  private final StaffSessions serverB = server();

  private StaffSessions server() {
    StaffSessions sessions = new StaffSessions();
    sessions.keys = purpose -> key.clone();
    sessions.store = table;
    sessions.clock = clock;
    StaffSessionSettings settings = new StaffSessionSettings();
    settings.idleMinutes = 480;
    settings.maxHours = 168;
    sessions.settings = settings;
    return sessions;
  }

  private static Csrf csrf(StaffSessions sessions) {
    Csrf csrf = new Csrf();
    csrf.sessions = sessions;
    return csrf;
  }

  @Test
  void aLoginOnOneServerIsAcceptedByAnother() {
    String cookie = logIn(serverA, "ann");

    Optional<ActiveSession> onB = serverB.resume(request(cookie(cookie)));

    assertThat(onB).map(ActiveSession::username).contains("ann");
    assertThat(onB.get().roles()).containsExactly("owner");
  }

  @Test
  void theSessionCookieIsHttpOnlySameSiteLaxAndSecureOnlyWhenConfigured() {
    Response login = new Response();
    serverA.start("ann", Set.of("owner"), request(), login.proxy());
    assertThat(login.setCookie(StaffSessions.COOKIE))
        .contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
        .doesNotContain("Secure", "Max-Age");

    serverA.settings.secureCookies = true;
    Response secure = new Response();
    serverA.start("ann", Set.of("owner"), request(), secure.proxy());
    assertThat(secure.setCookie(StaffSessions.COOKIE)).endsWith("; Secure");
  }

  @Test
  void aTamperedCookieIsRefused() {
    String value = logIn(serverA, "ann");
    String tampered =
        value.substring(0, 5) + (value.charAt(5) == 'A' ? 'B' : 'A') + value.substring(6);

    assertThat(serverB.resume(request(cookie(tampered)))).isEmpty();
  }

  @Test
  void aCookieFromAServerWithAnotherKeyIsRefused() {
    String value = logIn(serverA, "ann");
    Arrays.fill(key, (byte) 1);
    StaffSessions otherInstallation = server(); // same table, but its own key

    assertThat(otherInstallation.resume(request(cookie(value)))).isEmpty();
  }

  @Test
  void aLogoutOnOneServerEndsTheLoginOnEvery() {
    String value = logIn(serverA, "ann");
    HttpServletRequest logout = request(cookie(value));
    serverB.resume(logout);

    String clearing = serverB.end(logout);

    assertThat(clearing).startsWith(StaffSessions.COOKIE + "=;").contains("Max-Age=0");
    assertThat(serverA.resume(request(cookie(value)))).isEmpty();
  }

  @Test
  void revokingAllOfAnAccountsSessionsEndsThem() {
    String one = logIn(serverA, "ann");
    String two = logIn(serverB, "ann");
    String bob = logIn(serverA, "bob");

    assertThat(serverA.revokeAllFor("ann")).isEqualTo(2);

    assertThat(serverB.resume(request(cookie(one)))).isEmpty();
    assertThat(serverB.resume(request(cookie(two)))).isEmpty();
    assertThat(serverB.resume(request(cookie(bob)))).isPresent();
  }

  @Test
  void anIdleSessionEndsAndABusyOneEndsAtItsMaximumLifetime() {
    String idle = logIn(serverA, "ann");
    clock.advance(Duration.ofHours(8).plusMinutes(1));
    assertThat(serverB.resume(request(cookie(idle)))).isEmpty();

    String busy = logIn(serverA, "ann");
    for (int hour = 0; hour < 24 * 7 - 1; hour++) {
      clock.advance(Duration.ofHours(1));
      assertThat(serverB.resume(request(cookie(busy)))).as("hour %d", hour).isPresent();
    }
    clock.advance(Duration.ofHours(1));
    assertThat(serverB.resume(request(cookie(busy)))).isEmpty();
  }

  @Test
  void lastSeenIsWrittenAtMostOnceAMinute() {
    String value = logIn(serverA, "ann");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(5));
      serverB.resume(request(cookie(value)));
    }
    assertThat(table.touches).isEqualTo(0);
    clock.advance(Duration.ofSeconds(15));
    serverB.resume(request(cookie(value)));
    assertThat(table.touches).isEqualTo(1);
  }

  @Test
  void aPagesCsrfTokenIsValidOnAnotherServerForTheSameSessionOnly() {
    String ann = logIn(serverA, "ann");
    String bob = logIn(serverA, "bob");
    HttpServletRequest page = request(cookie(ann));
    serverA.resume(page);
    String token = csrf(serverA).tokenFor(page);

    HttpServletRequest postToB = request(cookie(ann));
    serverB.resume(postToB);
    HttpServletRequest bobsPost = request(cookie(bob));
    serverB.resume(bobsPost);

    assertThat(token).isNotBlank();
    assertThat(csrf(serverB).isValid(postToB, token)).isTrue();
    assertThat(csrf(serverB).isValid(bobsPost, token)).isFalse();
    assertThat(csrf(serverB).isValid(postToB, token + "x")).isFalse();
    assertThat(csrf(serverB).isValid(postToB, null)).isFalse();
    assertThat(csrf(serverB).isValid(request(), token)).isFalse();
  }

  @Test
  void theLoginFormsTokenIsBoundToTheLoginCookieAndChangesAtLogin() {
    HttpServletRequest loginPage = request();
    Response anonymous = new Response();
    serverA.ensureLoginValue(loginPage, anonymous.proxy());
    String loginCookie = anonymous.setCookie(StaffSessions.LOGIN_COOKIE);
    assertThat(loginCookie).contains("; Path=/;", "; Max-Age=3600", "; HttpOnly");
    String loginValue =
        loginCookie.substring(loginCookie.indexOf('=') + 1, loginCookie.indexOf(';'));
    String formToken = csrf(serverA).tokenFor(loginPage);

    HttpServletRequest post = request(new Cookie(StaffSessions.LOGIN_COOKIE, loginValue));
    HttpServletRequest otherVisitor =
        request(new Cookie(StaffSessions.LOGIN_COOKIE, SessionSigner.randomValue()));
    assertThat(csrf(serverB).isValidForLogin(post, formToken)).isTrue();
    assertThat(csrf(serverB).isValidForLogin(otherVisitor, formToken)).isFalse();
    assertThat(csrf(serverB).isValidForLogin(request(), formToken)).isFalse();
    assertThat(csrf(serverB).isValid(post, formToken)).as("not a staff form's token").isFalse();

    Response login = new Response();
    serverB.start("ann", Set.of("owner"), post, login.proxy());
    assertThat(csrf(serverB).tokenFor(post)).isNotEqualTo(formToken);
    assertThat(login.setCookie(StaffSessions.LOGIN_COOKIE)).contains("Max-Age=0");
  }

  @Test
  void aVisitorWithoutCookiesGetsNoTokenAndNoCookieOutsideTheLoginPage() {
    HttpServletRequest anonymous = request();

    assertThat(serverA.resume(anonymous)).isEmpty();
    assertThat(csrf(serverA).tokenFor(anonymous)).isEmpty();
    assertThat(csrf(serverA).isValid(anonymous, "")).isFalse();
  }

  // ---- fakes

  private String logIn(StaffSessions server, String username) {
    Response response = new Response();
    server.start(username, Set.of("owner"), request(), response.proxy());
    String header = response.setCookie(StaffSessions.COOKIE);
    return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
  }

  private static Cookie cookie(String value) {
    return new Cookie(StaffSessions.COOKIE, value);
  }

  private static HttpServletRequest request(Cookie... cookies) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            StaffSessionsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getCookies" -> cookies.length == 0 ? null : cookies;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static final class Response {
    final List<String> setCookies = new ArrayList<>();

    HttpServletResponse proxy() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              StaffSessionsTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                  setCookies.add((String) args[1]);
                  return null;
                }
                throw new UnsupportedOperationException(method.getName());
              });
    }

    String setCookie(String name) {
      return setCookies.stream()
          .filter(c -> c.startsWith(name + "="))
          .reduce((first, second) -> second)
          .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + setCookies));
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** plt_staff_session in memory, with the same rules as the SQL (all accounts active). */
  private static final class FakeStore extends StaffSessionStore {
    record Row(String username, long expiresAt, long[] lastSeen, Long[] revoked) {}

    final Map<String, Row> rows = new HashMap<>();
    int touches;

    @Override
    public void open(String id, String username, long now, long expiresAt) {
      rows.put(id, new Row(username, expiresAt, new long[] {now}, new Long[] {null}));
    }

    @Override
    public Optional<ActiveSession> findActive(String id, long now, long idleSince) {
      Row row = rows.get(id);
      if (row == null
          || row.revoked()[0] != null
          || row.expiresAt() <= now
          || row.lastSeen()[0] <= idleSince) {
        return Optional.empty();
      }
      return Optional.of(new ActiveSession(id, row.username(), Set.of("owner"), row.lastSeen()[0]));
    }

    @Override
    public void touch(String id, long now) {
      touches++;
      rows.get(id).lastSeen()[0] = now;
    }

    @Override
    public void revoke(String id, long now) {
      rows.get(id).revoked()[0] = now;
    }

    @Override
    public int revokeAllFor(String username, long now) {
      int count = 0;
      for (Row row : rows.values()) {
        if (row.username().equals(username) && row.revoked()[0] == null) {
          row.revoked()[0] = now;
          count++;
        }
      }
      return count;
    }

    @Override
    public int deleteEndedFor(String username, long now, long idleSince) {
      return 0;
    }
  }
}
