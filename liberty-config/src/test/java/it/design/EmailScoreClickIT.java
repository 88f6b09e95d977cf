package it.design;

import static it.support.SurveyFixtures.COMMENT_KEY;
import static it.support.SurveyFixtures.NPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReportsCaughtUp;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The score links in the invitation email ({@code /s/<token>/answer/<score>}) and partial
 * responses: a GET may record a partial answer but is idempotent; only the form completes, and only
 * completion opens cases.
 */
class EmailScoreClickIT {
  private static Mailbox mailbox;
  private static ApiClient manager;

  @BeforeAll
  static void staff() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Cleo Clicks").logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Olaf Owner"));
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static Invited invitedTo(String surveyId, String title, String name) {
    return SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, name).get(0);
  }

  private static JsonObject responseCounts(String surveyId) {
    return manager
        .get("/api/surveys/" + surveyId)
        .expectStatus(200)
        .json()
        .getJsonObject("responses");
  }

  private static long partials(String surveyId) {
    return responseCounts(surveyId).getJsonNumber("partial").longValue();
  }

  private static long completed(String surveyId) {
    return responseCounts(surveyId).getJsonNumber("completed").longValue();
  }

  private static ApiResponse click(Invited customer, String score) {
    return ApiClient.anonymous().get(customer.page() + "/answer/" + score);
  }

  @Test
  void clickingAScoreTwiceKeepsOnePartialResponseAndOnlyTheFormCompletesItOpeningOneCase() {
    String title = Names.unique("Your repair");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    Invited customer = invitedTo(surveyId, title, "Linus Clicker");

    ApiResponse first = click(customer, "9").expectStatus(303);
    assertThat(first.location()).endsWith(customer.page());
    click(customer, "9").expectStatus(303);
    assertThat(partials(surveyId)).isEqualTo(1);
    assertThat(completed(surveyId)).isZero();

    // A later click changes the kept score; the page shows it pre-selected.
    click(customer, "7").expectStatus(303);
    String page = ApiClient.anonymous().get(customer.page()).expectStatus(200).body();
    assertThat(page).contains("value=\"7\" checked").doesNotContain("value=\"9\" checked");

    // Scores outside the scale record nothing.
    ApiResponse outside = click(customer, "11").expectStatus(400);
    assertThat(outside.body()).contains("0 to 10", "Nothing was recorded");
    click(customer, "-1").expectStatus(400);
    click(customer, "ten").expectStatus(400);
    assertThat(ApiClient.anonymous().get(customer.page()).body()).contains("value=\"7\" checked");
    assertThat(partials(surveyId)).isEqualTo(1);
    ReportsCaughtUp.await();
    assertThat(
            manager
                .get("/api/reports/surveys/" + surveyId)
                .expectStatus(200)
                .json()
                .getJsonNumber("responses")
                .longValue())
        .as("reports count completed responses only")
        .isZero();
    assertThat(SurveyFixtures.casesOfSurvey(manager, surveyId, null)).isEmpty();

    String words = "The technician was late but friendly " + Names.suffix();
    ApiResponse done =
        ApiClient.anonymous()
            .postForm(customer.page(), Map.of("a_" + NPS_KEY, "7", "a_" + COMMENT_KEY, words))
            .expectStatus(200);
    assertThat(done.body()).contains("Thank you!");
    List<JsonObject> cases = SurveyFixtures.casesOfSurvey(manager, surveyId, null);
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).getString("comment")).isEqualTo(words);
    assertThat(cases.get(0).getInt("score")).isEqualTo(7);
    assertThat(partials(surveyId)).isZero();
    assertThat(completed(surveyId)).isEqualTo(1);

    // After completion: the already-answered page, and nothing changes.
    assertThat(click(customer, "3").expectStatus(409).body()).contains("Already answered");
    ApiClient.anonymous()
        .postForm(customer.page(), Map.of("a_" + NPS_KEY, "1", "a_" + COMMENT_KEY, "again"))
        .expectStatus(409);
    ApiClient.anonymous()
        .postJson("/api/respond/" + customer.token(), Map.of("answers", Map.of(NPS_KEY, 2)))
        .expectProblem(409);
    assertThat(SurveyFixtures.casesOfSurvey(manager, surveyId, null)).hasSize(1);
    assertThat(completed(surveyId)).isEqualTo(1);
  }

  @Test
  void answersSavedForLaterComeBackOnTheSameLinkAndOpenNoCaseUntilCompleted() {
    String title = Names.unique("Your invoice");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    Invited customer = invitedTo(surveyId, title, "Hopper Later");
    String words = "I could not find the VAT number " + Names.suffix();

    ApiResponse saved =
        ApiClient.anonymous()
            .postForm(customer.page(), Map.of("a_" + COMMENT_KEY, words, "action", "later"))
            .expectStatus(200);
    assertThat(saved.body()).contains("Your answers so far are saved");
    assertThat(SurveyFixtures.casesOfSurvey(manager, surveyId, null)).isEmpty();
    assertThat(ApiClient.anonymous().get(customer.page()).expectStatus(200).body()).contains(words);

    ApiClient.anonymous()
        .postForm(customer.page(), Map.of("a_" + NPS_KEY, "5", "a_" + COMMENT_KEY, words))
        .expectStatus(200);
    assertThat(SurveyFixtures.casesOfSurvey(manager, surveyId, null)).hasSize(1);
    assertThat(partials(surveyId)).isZero();
  }

  @Test
  void aSurveyWhoseFirstQuestionIsNotAScoreCannotBeAnsweredFromTheEmail() {
    String title = Names.unique("Comment first");
    String surveyId =
        manager
            .postJson(
                "/api/surveys",
                Map.of(
                    "title",
                    title,
                    "questions",
                    List.of(
                        Map.of("type", "TEXT", "prompt", "Tell us anything"),
                        Map.of("type", "NPS", "prompt", "How likely?"))))
            .expectStatus(201)
            .json()
            .getString("id");
    SurveyFixtures.publish(manager, surveyId);
    Invited customer = invitedTo(surveyId, title, "Noel Link");

    click(customer, "5").expectStatus(404);
    assertThat(partials(surveyId)).isZero();
  }
}
