package it.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReportsCaughtUp;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reports follow the customers from the module-event log, after their transactions commit: after a
 * burst of concurrent answers the headline counts each exactly once, says it is up to date and how
 * fresh it is, and a recompute from the facts agrees.
 */
class ReportsConvergeIT {
  private static final int CUSTOMERS = 60;

  @Test
  void afterABurstOfAnswersTheHeadlineCountsEachOnceAndSaysHowFreshItIs() throws Exception {
    try (Mailbox mailbox = Mailbox.start()) {
      ApiClient admin = ApiClient.admin();
      ApiClient manager = StaffMember.create(admin, "manager", "Cora Converge").logIn();
      FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Owen Converge"));
      String title = Names.unique("Burst check-in");
      String surveyId = SurveyFixtures.publishedSurvey(manager, title);
      String[] names =
          IntStream.range(0, CUSTOMERS).mapToObj(ReportsConvergeIT::name).toArray(String[]::new);
      List<Invited> invited =
          SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, names);

      ExecutorService clients = Executors.newFixedThreadPool(12);
      try {
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < invited.size(); i++) {
          Invited customer = invited.get(i);
          int score = i % 11;
          String comment = i % 2 == 0 ? "Burst comment number " + i : null;
          answers.add(clients.submit(() -> SurveyFixtures.answerByApi(customer, score, comment)));
        }
        for (Future<?> answer : answers) {
          answer.get();
        }
      } finally {
        clients.shutdown();
      }
      long answeredAt = System.currentTimeMillis();

      ReportsCaughtUp.await();

      JsonObject headline =
          manager.get("/api/reports/headline?survey=" + surveyId).expectStatus(200).json();
      assertThat(headline.getInt("responses")).isEqualTo(CUSTOMERS);
      assertThat(headline.getInt("invitations")).isEqualTo(CUSTOMERS);
      assertThat(headline.getInt("comments")).isEqualTo(CUSTOMERS / 2);
      assertThat(headline.getInt("routed")).isEqualTo(CUSTOMERS / 2);
      JsonObject freshness = headline.getJsonObject("freshness");
      assertThat(freshness.getBoolean("upToDate")).isTrue();
      assertThat(freshness.getInt("waiting")).isZero();
      Instant lastEvent = Instant.parse(freshness.getString("lastEventAt"));
      assertThat(lastEvent.toEpochMilli()).isBetween(answeredAt - 60_000, answeredAt + 1_000);

      JsonObject recompute =
          admin.postJson("/api/reports/recompute", Map.of()).expectStatus(200).json();
      assertThat(recompute.getBoolean("agree")).as(recompute.toString()).isTrue();

      String page = manager.get("/app/reports?survey=" + surveyId).expectStatus(200).body();
      assertThat(page).contains("data-freshness").contains("Figures as of").contains("Up to date.");
    }
  }

  /** A name of letters only: the fixtures make the email address from the letters. */
  private static String name(int i) {
    return "Burst " + (char) ('a' + i / 26) + (char) ('a' + i % 26) + " Customer";
  }
}
