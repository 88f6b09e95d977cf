package it.design;

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
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Survey design over the API: every question type end to end, versions (a published survey is never
 * changed in place; each response keeps its version), the brevity guard and its recorded override,
 * and reports counting completed responses only.
 */
class SurveyDesignIT {
  private static Mailbox mailbox;
  private static StaffMember managerMember;
  private static ApiClient manager;

  @BeforeAll
  static void staff() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    managerMember = StaffMember.create(admin, "manager", "Dana Designer");
    manager = managerMember.logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Otto Owner"));
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  static Map<String, Object> question(String key, String type, String prompt, Object... options) {
    Map<String, Object> q = new LinkedHashMap<>();
    if (key != null) {
      q.put("key", key);
    }
    q.put("type", type);
    q.put("prompt", prompt);
    if (options.length > 0) {
      q.put("options", List.of(options));
    }
    return q;
  }

  static List<Map<String, Object>> everyType() {
    return new ArrayList<>(
        List.of(
            question("rec", "NPS", "How likely are you to recommend us?"),
            question("sat", "CSAT", "How satisfied are you with your order?"),
            question("effort", "CES", "How easy was it to order?"),
            question("stars", "STAR", "How many stars for delivery?"),
            question("channel", "SINGLE_CHOICE", "How did you order?", "Web", "Phone", "Shop"),
            question("liked", "MULTIPLE_CHOICE", "What did you like?", "Price", "Speed", "Staff"),
            question("role", "SHORT_TEXT", "Your role, in a few words?"),
            question("why", "TEXT", "What is the main reason for your score?")));
  }

  static Map<String, Object> draft(String title, List<Map<String, Object>> questions) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("title", title);
    draft.put("intro", "A minute of your time.");
    draft.put("thankYou", "Thanks, we read every word.");
    draft.put("senderName", "Acme Care");
    draft.put("accentColour", "#aa3300");
    draft.put("questions", questions);
    return draft;
  }

  private static List<String> keys(JsonObject json) {
    return json.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
        .map(q -> q.getString("key"))
        .toList();
  }

  private static JsonObject respondentView(Invited customer) {
    return ApiClient.anonymous().get("/api/respond/" + customer.token()).expectStatus(200).json();
  }

  @Test
  void everyQuestionTypeIsAnsweredAndEachResponseKeepsTheVersionItAnswered() {
    String title = Names.unique("Order follow-up");
    JsonObject created =
        manager.postJson("/api/surveys", draft(title, everyType())).expectStatus(201).json();
    String id = created.getString("id");
    assertThat(created.getInt("version")).isEqualTo(1);
    assertThat(created.getString("versionStatus")).isEqualTo("DRAFT");
    assertThat(created.getInt("estimatedSeconds")).isEqualTo(6 * 5 + 20 + 40);
    assertThat(created.getString("senderName")).isEqualTo("Acme Care");
    assertThat(created.getString("accentColour")).isEqualTo("#aa3300");
    SurveyFixtures.publish(manager, id);
    Invited ada = SurveyFixtures.inviteNewContacts(manager, mailbox, id, title, "Ada Early").get(0);
    assertThat(respondentView(ada).getInt("version")).isEqualTo(1);

    // Editing the published survey starts version 2; customers keep seeing version 1.
    List<Map<String, Object>> v2 = everyType();
    v2.remove(3); // no more stars
    v2.add(question(null, "CSAT", "How satisfied are you with our support?"));
    JsonObject edited =
        manager.putJson("/api/surveys/" + id, draft(title, v2)).expectStatus(200).json();
    assertThat(edited.getString("id")).isEqualTo(id);
    assertThat(edited.getInt("version")).isEqualTo(2);
    assertThat(edited.getString("versionStatus")).isEqualTo("DRAFT");
    assertThat(edited.getInt("liveVersion")).isEqualTo(1);
    String newKey = keys(edited).get(7);
    assertThat(keys(edited))
        .startsWith("rec", "sat", "effort", "channel", "liked", "role", "why")
        .doesNotHaveDuplicates();
    assertThat(newKey).isNotIn("rec", "sat", "effort", "stars", "channel", "liked", "role", "why");
    assertThat(keys(respondentView(ada))).contains("stars").hasSize(8);

    // Ada starts on version 1 and saves for later; then version 2 is published.
    ApiClient.anonymous()
        .postForm(ada.page(), Map.of("a_rec", "9", "a_stars", "4", "action", "later"))
        .expectStatus(200);
    JsonObject published = SurveyFixtures.publish(manager, id);
    assertThat(published.getInt("liveVersion")).isEqualTo(2);
    assertThat(published.getJsonArray("versions").getJsonObject(0).getString("status"))
        .isEqualTo("RETIRED");

    Invited grace =
        SurveyFixtures.inviteNewContacts(manager, mailbox, id, title, "Grace Later").get(0);
    assertThat(respondentView(grace).getInt("version")).isEqualTo(2);
    assertThat(keys(respondentView(grace))).doesNotContain("stars");
    JsonObject adasView = respondentView(ada);
    assertThat(adasView.getInt("version")).as("a half-done answer keeps its version").isEqualTo(1);
    assertThat(adasView.getJsonObject("answersSoFar").getString("rec")).isEqualTo("9");

    // Wrong answers are named by their field.
    Map<String, Object> wrong = new LinkedHashMap<>();
    wrong.put("rec", 8);
    wrong.put("sat", 6);
    wrong.put("effort", 3);
    wrong.put("channel", "Fax");
    wrong.put(newKey, 2);
    assertThat(
            ApiClient.anonymous()
                .postJson("/api/respond/" + grace.token(), Map.of("answers", wrong))
                .expectProblem(400)
                .errorFields())
        .containsExactly("answers.sat", "answers.channel");

    String adaWords = "Quick delivery, but the box was dented " + Names.suffix();
    Map<String, Object> adaAnswers = new LinkedHashMap<>();
    adaAnswers.put("rec", 9);
    adaAnswers.put("sat", "5");
    adaAnswers.put("effort", 7);
    adaAnswers.put("stars", 4);
    adaAnswers.put("channel", "Web");
    adaAnswers.put("liked", List.of("Speed", "Price"));
    adaAnswers.put("why", adaWords);
    JsonObject adaReceipt =
        ApiClient.anonymous()
            .postJson("/api/respond/" + ada.token(), Map.of("answers", adaAnswers))
            .expectStatus(201)
            .json();
    assertThat(adaReceipt.getInt("version")).isEqualTo(1);

    String graceRole = "Head of purchasing " + Names.suffix();
    Map<String, Object> graceAnswers = new LinkedHashMap<>();
    graceAnswers.put("rec", 4);
    graceAnswers.put("sat", 2);
    graceAnswers.put("effort", 2);
    graceAnswers.put("channel", "Phone");
    graceAnswers.put("role", graceRole);
    graceAnswers.put(newKey, 3);
    JsonObject graceReceipt =
        ApiClient.anonymous()
            .postJson("/api/respond/" + grace.token(), Map.of("answers", graceAnswers))
            .expectStatus(201)
            .json();
    assertThat(graceReceipt.getInt("version")).isEqualTo(2);

    // Every free-text answer (long or short) is a case; reports count completed responses.
    List<String> comments =
        SurveyFixtures.casesOfSurvey(manager, id, null).stream()
            .map(c -> c.getString("comment"))
            .toList();
    assertThat(comments).containsExactlyInAnyOrder(adaWords, graceRole);
    ReportsCaughtUp.await();
    JsonObject report = manager.get("/api/reports/surveys/" + id).expectStatus(200).json();
    assertThat(report.getJsonNumber("responses").longValue()).isEqualTo(2);
    JsonObject counts =
        manager.get("/api/surveys/" + id).expectStatus(200).json().getJsonObject("responses");
    assertThat(counts.getJsonNumber("completed").longValue()).isEqualTo(2);
    assertThat(counts.getJsonNumber("partial").longValue()).isZero();
  }

  @Test
  void aKeyIsNeverReusedForAnotherTypeInALaterVersion() {
    String id =
        manager
            .postJson("/api/surveys", draft(Names.unique("Keys"), everyType()))
            .expectStatus(201)
            .json()
            .getString("id");
    SurveyFixtures.publish(manager, id);
    List<Map<String, Object>> changed = everyType();
    changed.set(3, question("stars", "TEXT", "Tell us about delivery"));
    assertThat(
            manager
                .putJson("/api/surveys/" + id, draft("Keys", changed))
                .expectProblem(400)
                .errorFields())
        .containsExactly("questions[3].key");
  }

  @Test
  void badDesignsAreRejectedNamingEachField() {
    Map<String, Object> bad =
        draft(
            Names.unique("Bad"),
            List.of(
                question(null, "NPS", "How likely?"),
                question(null, "SLIDER", "Slide?"),
                question(null, "SINGLE_CHOICE", "Pick one", "Only option")));
    bad.put("accentColour", "red");
    bad.put("senderName", "x".repeat(101));
    assertThat(manager.postJson("/api/surveys", bad).expectProblem(400).errorFields())
        .containsExactlyInAnyOrder(
            "senderName", "accentColour", "questions[1].type", "questions[2].options");
  }

  @Test
  void aLongSurveyIsOnlyPublishedWithAnExplicitOverrideWhichIsRecorded() {
    List<Map<String, Object>> questions = everyType();
    questions.add(question(null, "TEXT", "Anything else?"));
    String id =
        manager
            .postJson("/api/surveys", draft(Names.unique("Too long"), questions))
            .expectStatus(201)
            .json()
            .getString("id");
    JsonObject refused =
        manager.postJson("/api/surveys/" + id + "/publish", Map.of()).expectProblem(409).json();
    assertThat(refused.getString("detail"))
        .contains("3 free-text questions", "at most 2", "brevity override");
    JsonObject still = manager.get("/api/surveys/" + id).expectStatus(200).json();
    assertThat(still.getString("status")).isEqualTo("DRAFT");
    assertThat(still.getJsonArray("brevityProblems").getValuesAs(JsonString.class)).hasSize(1);

    JsonObject published =
        manager
            .postJson("/api/surveys/" + id + "/publish", Map.of("overrideBrevity", true))
            .expectStatus(200)
            .json();
    assertThat(published.getString("status")).isEqualTo("PUBLISHED");
    assertThat(published.getJsonObject("brevityOverride").getString("by"))
        .isEqualTo(managerMember.username());
    assertThat(manager.get("/app/surveys/" + id).expectStatus(200).body())
        .contains("Published past the brevity limits by " + managerMember.username());
  }

  @Test
  void aClosedSurveyCanNoLongerBeEdited() {
    String id =
        manager
            .postJson("/api/surveys", draft(Names.unique("Closing"), everyType()))
            .expectStatus(201)
            .json()
            .getString("id");
    SurveyFixtures.publish(manager, id);
    assertThat(
            manager
                .postJson("/api/surveys/" + id + "/close", Map.of())
                .expectStatus(200)
                .json()
                .getString("status"))
        .isEqualTo("CLOSED");
    manager.putJson("/api/surveys/" + id, draft("Closing", everyType())).expectProblem(409);
  }
}
