package it.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token routes limit how many unknown links one client address may ask for (defaults: 20 at
 * once, then 10 a minute). The IT server exempts 127.0.0.1, the address all other tests (and the
 * fuzzing) use, so these tests speak from other loopback addresses, each its own client.
 */
class TokenRateLimitIT {
  private static final int BURST = 20;
  private static final String UNKNOWN = "NoSuchTokenNoSuchTokenNoSuchTokenNoSuchTok";

  private static Mailbox mailbox;
  private static Invited customer;

  @BeforeAll
  static void aCustomerWithAValidLink() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    ApiClient manager = StaffMember.create(admin, "manager", "Rita Limit").logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Oscar Limit"));
    String title = Names.unique("Rate limit survey");
    String survey = SurveyFixtures.publishedSurvey(manager, title);
    customer = SurveyFixtures.inviteNewContacts(manager, mailbox, survey, title, "Val Id").get(0);
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void aClientGuessingLinksIsStoppedWith429AndRetryAfterOnTheApi() {
    String guesser = "127.0.0.71";
    for (int i = 0; i < BURST; i++) {
      assertThat(RawHttp.get(guesser, "/api/respond/" + UNKNOWN, "application/json").status())
          .as("guess %d is answered normally", i + 1)
          .isEqualTo(404);
    }

    RawHttp.Answer refused = RawHttp.get(guesser, "/api/respond/" + UNKNOWN, "application/json");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body()).contains("\"status\":429").contains("Try again in");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(RawHttp.get(guesser, "/u/" + UNKNOWN, "text/html").status())
        .as("every token route shares the address's budget")
        .isEqualTo(429);
  }

  @Test
  void aPersonGuessingLinksGetsAReadablePage() {
    String guesser = "127.0.0.72";
    for (int i = 0; i < BURST; i++) {
      RawHttp.get(guesser, "/s/" + UNKNOWN, "text/html");
    }

    RawHttp.Answer refused = RawHttp.get(guesser, "/s/" + UNKNOWN, "text/html");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("text/html");
    assertThat(refused.header("Retry-After")).isNotBlank();
    assertThat(refused.body()).contains("<h1>Too many unknown links</h1>").contains("Try again in");
  }

  @Test
  void aCustomerWithAValidLinkIsNeverBlockedByAnotherAddressesGuessing() {
    String guesser = "127.0.0.73";
    for (int i = 0; i <= BURST; i++) {
      RawHttp.get(guesser, "/s/" + UNKNOWN, "text/html");
    }
    assertThat(RawHttp.get(guesser, "/s/" + UNKNOWN, "text/html").status()).isEqualTo(429);

    assertThat(RawHttp.get("127.0.0.74", customer.page(), "text/html").status()).isEqualTo(200);
    assertThat(ApiClient.anonymous().get(customer.page()).status()).isEqualTo(200);
  }

  @Test
  void usingAValidLinkCostsNothingHoweverOften() {
    String customersAddress = "127.0.0.75";
    for (int i = 0; i < 3 * BURST; i++) {
      assertThat(RawHttp.get(customersAddress, customer.page(), "text/html").status())
          .as("visit %d of the customer's own link", i + 1)
          .isEqualTo(200);
    }
    assertThat(
            RawHttp.get(customersAddress, "/api/respond/" + customer.token(), "application/json")
                .status())
        .isEqualTo(200);
  }

  @Test
  void aForgedForwardedForDoesNotEscapeTheLimit() {
    String guesser = "127.0.0.76";
    for (int i = 0; i < BURST; i++) {
      RawHttp.get(guesser, "/s/" + UNKNOWN, "text/html");
    }
    List<Integer> statuses =
        List.of(
            RawHttp.getForwardedFor(guesser, "/s/" + UNKNOWN, "203.0.113." + 1).status(),
            RawHttp.getForwardedFor(guesser, "/s/" + UNKNOWN, "203.0.113." + 2).status());
    assertThat(statuses).containsOnly(429);
  }
}
