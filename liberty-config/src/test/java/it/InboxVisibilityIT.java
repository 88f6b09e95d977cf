package it;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees which case, enforced by the API and the pages alike, and the inbox's filters and order.
 *
 * <p>Team Red (Ann and Bob, sharing by turns) gets the comments of the red survey: a detractor
 * (HIGH), then a promoter (NORMAL), then a passive-detractor (HIGH). Team Blue (Carl) gets one
 * comment of the blue survey. The team lead's view and the overdue / escalated markers need a clock
 * that moves, so they are checked in-container by {@code it.escalation.EscalationIT}.
 */
class InboxVisibilityIT {
  private static final long HOUR = Duration.ofHours(1).toMillis();

  private static Mailbox mailbox;
  private static ApiClient manager;
  private static StaffMember ann;
  private static StaffMember bob;
  private static ApiClient annClient;
  private static ApiClient bobClient;
  private static ApiClient carlClient;
  private static String redSurvey;
  private static String blueSurvey;
  private static JsonObject firstDetractor;
  private static JsonObject promoter;
  private static JsonObject secondDetractor;
  private static JsonObject blueCase;

  @BeforeAll
  static void twoTeamsWithCases() {
    mailbox = Mailbox.start();
    ApiClient admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Mona Manager").logIn();
    ann = StaffMember.create(admin, "owner", "Ann Red");
    bob = StaffMember.create(admin, "owner", "Bob Red");
    StaffMember carl = StaffMember.create(admin, "owner", "Carl Blue");
    annClient = ann.logIn();
    bobClient = bob.logIn();
    carlClient = carl.logIn();
    FallbackOwner.assign(manager, ann);
    String red = team("Red", ann, bob);
    String blue = team("Blue", carl);

    redSurvey = surveyRoutedTo(red, Names.unique("Red survey"));
    List<Invited> redCustomers =
        SurveyFixtures.inviteNewContacts(
            manager, mailbox, redSurvey, title(redSurvey), "Ada Early", "Ben Happy", "Cy Late");
    SurveyFixtures.answerByApi(redCustomers.get(0), 2, "Broken on arrival " + Names.suffix());
    SurveyFixtures.answerByApi(redCustomers.get(1), 10, "Lovely staff " + Names.suffix());
    SurveyFixtures.answerByApi(redCustomers.get(2), 5, "Slow delivery " + Names.suffix());
    firstDetractor = SurveyFixtures.caseOf(manager, redSurvey, redCustomers.get(0));
    promoter = SurveyFixtures.caseOf(manager, redSurvey, redCustomers.get(1));
    secondDetractor = SurveyFixtures.caseOf(manager, redSurvey, redCustomers.get(2));

    blueSurvey = surveyRoutedTo(blue, Names.unique("Blue survey"));
    Invited blueCustomer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, blueSurvey, title(blueSurvey), "Di Blue")
            .get(0);
    SurveyFixtures.answerByApi(blueCustomer, 3, "Wrong size " + Names.suffix());
    blueCase = SurveyFixtures.caseOf(manager, blueSurvey, blueCustomer);
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Test
  void anOwnerSeesTheirOwnAndTheirTeamsCasesButNoOtherTeams() {
    assertThat(ids(annClient, "")).contains(id(firstDetractor), id(promoter), id(secondDetractor));
    assertThat(ids(annClient, "")).doesNotContain(id(blueCase));
    assertThat(ids(annClient, "&scope=team"))
        .contains(id(firstDetractor), id(promoter), id(secondDetractor))
        .doesNotContain(id(blueCase));
  }

  @Test
  void myCasesAreOnlyTheCasesIOwn() {
    List<JsonObject> annsOwn = cases(annClient, "&scope=mine");
    List<JsonObject> bobsOwn = cases(bobClient, "&mine=true");

    assertThat(annsOwn).isNotEmpty().allMatch(c -> ownerId(c).equals(ann.id()));
    assertThat(bobsOwn).isNotEmpty().allMatch(c -> ownerId(c).equals(bob.id()));
    assertThat(annsOwn.size() + bobsOwn.size())
        .as("the team shared the three comments")
        .isEqualTo(3);
  }

  @Test
  void anOwnerOpensATeammatesCase() {
    JsonObject bobsCase = cases(bobClient, "&scope=mine").get(0);

    annClient.get("/api/cases/" + id(bobsCase)).expectStatus(200);
    annClient.get("/app/cases/" + id(bobsCase)).expectStatus(200);
  }

  @Test
  void anOwnerOfAnotherTeamIsRefusedTheCaseInTheApiAndThePage() {
    carlClient.get("/api/cases/" + id(firstDetractor)).expectProblem(403);
    carlClient.get("/app/cases/" + id(firstDetractor)).expectStatus(403);
    carlClient
        .postJson("/api/cases/" + id(firstDetractor) + "/replies", Map.of("text", "Not mine."))
        .expectProblem(403);

    assertThat(ids(carlClient, "")).contains(id(blueCase)).doesNotContain(id(firstDetractor));
    assertThat(carlClient.get("/app/cases?scope=team&status=ALL").expectStatus(200).body())
        .doesNotContain(firstDetractor.getString("comment"))
        .contains(blueCase.getString("comment"));
  }

  @Test
  void aManagerSeesEveryTeamsCases() {
    assertThat(ids(manager, ""))
        .contains(id(firstDetractor), id(promoter), id(secondDetractor), id(blueCase));
  }

  @Test
  void detractorsAreHighWithADayAndOthersNormalWithThreeDays() {
    assertThat(firstDetractor.getString("priority")).isEqualTo("HIGH");
    assertThat(dueIn(firstDetractor)).isEqualTo(24 * HOUR);
    assertThat(promoter.getString("priority")).isEqualTo("NORMAL");
    assertThat(dueIn(promoter)).isEqualTo(72 * HOUR);
    assertThat(firstDetractor.getBoolean("overdue")).isFalse();
    assertThat(firstDetractor.getInt("escalationLevel")).isZero();
  }

  @Test
  void theInboxIsSortedByDueTimeSoonestFirstUnlessNewestIsAsked() {
    assertThat(ids(annClient, "&survey=" + redSurvey))
        .containsExactly(id(firstDetractor), id(secondDetractor), id(promoter));
    assertThat(ids(annClient, "&survey=" + redSurvey + "&sort=newest"))
        .containsExactly(id(secondDetractor), id(promoter), id(firstDetractor));
  }

  @Test
  void filtersNarrowByPrioritySurveyStatusAndOverdue() {
    assertThat(ids(manager, "&survey=" + redSurvey + "&priority=HIGH"))
        .containsExactly(id(firstDetractor), id(secondDetractor));
    assertThat(ids(manager, "&survey=" + redSurvey + "&priority=normal"))
        .containsExactly(id(promoter));
    assertThat(ids(manager, "&survey=" + redSurvey + "&status=CLOSED")).isEmpty();
    assertThat(ids(manager, "&survey=" + redSurvey + "&status=OPEN")).hasSize(3);
    assertThat(ids(manager, "&survey=" + redSurvey + "&overdue=true"))
        .as("nothing is past its due time yet")
        .isEmpty();
  }

  @Test
  void anUnknownFilterValueIsA400NamingTheParameter() {
    assertThat(manager.get("/api/cases?priority=urgent").expectProblem(400).errorFields())
        .containsExactly("priority");
    assertThat(manager.get("/api/cases?scope=everyone").expectProblem(400).errorFields())
        .containsExactly("scope");
    assertThat(manager.get("/api/cases?sort=random").expectProblem(400).errorFields())
        .containsExactly("sort");
  }

  @Test
  void theInboxPageShowsPriorityAndDueTimeAndItsLinksKeepTheFilters() {
    String page =
        unescaped(
            annClient
                .get("/app/cases?scope=team&priority=HIGH&survey=" + redSurvey + "&page=2")
                .expectStatus(200)
                .body());
    assertThat(page).contains("<h1>My team's cases</h1>");
    String filters = "status=OPEN&priority=HIGH&survey=" + redSurvey + "&sort=due";
    assertThat(page)
        .as("the link to the previous page keeps the filters")
        .contains("href=\"/app/cases?scope=team&" + filters + "&page=1\"");
    assertThat(page)
        .as("the tab to my own cases keeps the filters")
        .contains("href=\"/app/cases?scope=mine&" + filters + "\"");

    String firstPage =
        annClient.get("/app/cases?scope=team&survey=" + redSurvey).expectStatus(200).body();
    assertThat(firstPage)
        .contains(firstDetractor.getString("comment"), promoter.getString("comment"))
        .contains("<strong>High</strong>", "Normal")
        .contains(" UTC");
    assertThat(firstPage.indexOf(firstDetractor.getString("comment")))
        .as("soonest due first on the page too")
        .isLessThan(firstPage.indexOf(secondDetractor.getString("comment")));
    assertThat(firstPage.indexOf(secondDetractor.getString("comment")))
        .isLessThan(firstPage.indexOf(promoter.getString("comment")));
  }

  // ---- helpers ----

  /** The page as a browser reads it: attribute values with their character references resolved. */
  private static String unescaped(String html) {
    return html.replace("&#61;", "=").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String team(String name, StaffMember... members) {
    return Teams.create(manager, name, members);
  }

  private static String surveyRoutedTo(String teamId, String title) {
    String id = SurveyFixtures.createNpsAndComment(manager, title).getString("id");
    manager
        .putJson("/api/followup/surveys/" + id + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    SurveyFixtures.publish(manager, id);
    return id;
  }

  private static String title(String surveyId) {
    return manager.get("/api/surveys/" + surveyId).expectStatus(200).json().getString("title");
  }

  private static List<JsonObject> cases(ApiClient who, String query) {
    return who.get("/api/cases?size=200" + query)
        .expectStatus(200)
        .jsonArray()
        .getValuesAs(JsonObject.class);
  }

  private static List<String> ids(ApiClient who, String query) {
    return cases(who, query).stream().map(InboxVisibilityIT::id).toList();
  }

  private static String id(JsonObject c) {
    return c.getString("id");
  }

  private static String ownerId(JsonObject c) {
    return c.getJsonObject("owner").getString("id");
  }

  private static long dueIn(JsonObject c) {
    return c.getJsonNumber("dueAt").longValue() - c.getJsonNumber("createdAt").longValue();
  }
}
