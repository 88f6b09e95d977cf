package it;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing rules over HTTP: a program manager sets rules, customers answer, and each comment lands
 * with the owner the rules say, falling through past away owners and away teams; the dry run shows
 * the same decision without taking anyone's turn; bad rules are refused field by field; owners
 * cannot touch the rules.
 *
 * <p>Rules are global, so every rule here is limited to this class's own surveys and is deleted
 * afterwards: other test classes' comments never meet them.
 */
class RoutingRulesIT {
  private static Mailbox mailbox;
  private static ApiClient admin;
  private static ApiClient manager;
  private static StaffMember sam;
  private static String samsTeam;
  private static final List<String> createdRules = new ArrayList<>();

  @BeforeAll
  static void staff() {
    mailbox = Mailbox.start();
    admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Rita Rules").logIn();
    sam = StaffMember.create(admin, "owner", "Sam Surveyteam");
    FallbackOwner.assign(manager, sam);
    samsTeam = team("Sam's team", List.of(sam), null);
  }

  @AfterAll
  static void cleanUp() {
    if (manager != null) {
      createdRules.forEach(id -> manager.delete("/api/followup/rules/" + id));
    }
    if (mailbox != null) {
      mailbox.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Comments land where the rules say
  // ---------------------------------------------------------------------------------------------

  @Test
  void eachCommentLandsWithTheOwnerTheFirstUsableMatchingRuleNames() {
    StaffMember bill = StaffMember.create(admin, "owner", "Bill Billing");
    StaffMember vera = StaffMember.create(admin, "owner", "Vera Vip");
    StaffMember dee = StaffMember.create(admin, "owner", "Dee Detractors");
    StaffMember al = StaffMember.create(admin, "owner", "Al Away");
    StaffMember hal = StaffMember.create(admin, "owner", "Hal Holiday");
    String billing = team("Billing", List.of(bill), null);
    String holidayTeam = team("Holiday", List.of(hal), null);
    markAway(manager, al, true);
    markAway(manager, hal, true);

    String title = Names.unique("Routed by rules");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    defaultTeam(surveyId, samsTeam);
    String s = Names.suffix();
    rule(
        Map.of(
            "name",
            "refunds-" + s,
            "surveyId",
            surveyId,
            "keywords",
            List.of("refund", "invoice"),
            "targetTeamId",
            billing));
    rule(
        Map.of(
            "name",
            "vip-" + s,
            "surveyId",
            surveyId,
            "attributeName",
            "plan",
            "attributeValues",
            List.of("Enterprise"),
            "targetOwner",
            vera.username()));
    rule(
        Map.of(
            "name",
            "away-" + s,
            "surveyId",
            surveyId,
            "keywords",
            List.of("delivery"),
            "targetOwner",
            al.username()));
    rule(
        Map.of(
            "name",
            "detractors-" + s,
            "surveyId",
            surveyId,
            "band",
            "DETRACTOR",
            "targetOwner",
            dee.username()));
    rule(
        Map.of(
            "name",
            "holiday-" + s,
            "surveyId",
            surveyId,
            "keywords",
            List.of("warranty"),
            "targetTeamId",
            holidayTeam));

    Invited refund = invite(surveyId, title, "Rae Refund", Map.of("plan", "Basic"));
    Invited enterprise = invite(surveyId, title, "Eli Enterprise", Map.of("plan", "enterprise"));
    Invited lateDelivery = invite(surveyId, title, "Lou Late", Map.of("plan", "Basic"));
    Invited grumpy = invite(surveyId, title, "Gus Grumpy", Map.of());
    Invited warranty = invite(surveyId, title, "Wyn Warranty", Map.of());

    SurveyFixtures.answerByApi(refund, 9, "Please REFUND the second invoice.");
    SurveyFixtures.answerByApi(enterprise, 8, "All good, thanks");
    SurveyFixtures.answerByApi(lateDelivery, 3, "A late delivery, again");
    SurveyFixtures.answerByApi(grumpy, 2, "meh");
    SurveyFixtures.answerByApi(warranty, 9, "A warranty question");

    assertRouted(surveyId, refund, bill, "RULE:refunds-" + s);
    assertRouted(surveyId, enterprise, vera, "RULE:vip-" + s);
    // Al is away: his rule passes the comment on to the next matching rule.
    assertRouted(surveyId, lateDelivery, dee, "RULE:detractors-" + s);
    assertRouted(surveyId, grumpy, dee, "RULE:detractors-" + s);
    // Everyone in the Holiday team is away: the survey's own team takes it.
    assertRouted(surveyId, warranty, sam, "SURVEY_DEFAULT_TEAM");
  }

  @Test
  void aTeamWithNobodyHereFallsThroughToTheFallbackOwnerWhenTheSurveyHasNoTeam() {
    StaffMember hal = StaffMember.create(admin, "owner", "Hana Holiday");
    StaffMember fallback = StaffMember.create(admin, "owner", "Fay Fallback");
    String holidayTeam = team("All away", List.of(hal), null);
    markAway(manager, hal, true);
    String title = Names.unique("No survey team");
    FallbackOwner.assign(manager, fallback);
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    rule(
        Map.of(
            "name",
            Names.unique("to-away-team"),
            "surveyId",
            surveyId,
            "targetTeamId",
            holidayTeam));
    Invited customer = invite(surveyId, title, "Ned Noteam", Map.of());

    SurveyFixtures.answerByApi(customer, 5, "Who reads this?");

    assertRouted(surveyId, customer, fallback, "FALLBACK_OWNER");
    FallbackOwner.assign(manager, sam);
  }

  // ---------------------------------------------------------------------------------------------
  // Dry run
  // ---------------------------------------------------------------------------------------------

  @Test
  void aDryRunShowsTheDecisionAndWhyWithoutTakingAnyonesTurn() {
    StaffMember ann = StaffMember.create(admin, "owner", "Ann Rotation");
    StaffMember bob = StaffMember.create(admin, "owner", "Bob Rotation");
    String rotation = team("Rotation", List.of(ann, bob), "ROUND_ROBIN");
    String title = Names.unique("Dry run");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    defaultTeam(surveyId, samsTeam);
    String promoters = Names.unique("promoters");
    String rotationRule = Names.unique("rotation");
    rule(
        Map.of(
            "name",
            promoters,
            "surveyId",
            surveyId,
            "band",
            "PROMOTER",
            "targetOwner",
            sam.username()));
    rule(
        Map.of(
            "name",
            rotationRule,
            "surveyId",
            surveyId,
            "keywords",
            List.of("rotation"),
            "targetTeamId",
            rotation));
    Map<String, Object> sample =
        Map.of(
            "surveyId",
            surveyId,
            "score",
            4,
            "comment",
            "Testing the Rotation",
            "attributes",
            Map.of("plan", "Pro"));

    JsonObject first =
        manager.postJson("/api/followup/rules/dry-run", sample).expectStatus(200).json();
    JsonObject second =
        manager.postJson("/api/followup/rules/dry-run", sample).expectStatus(200).json();

    assertThat(first.getString("decidedBy")).isEqualTo("RULE");
    assertThat(first.getString("rule")).isEqualTo(rotationRule);
    assertThat(first.getString("teamName")).startsWith("Rotation");
    String expected = first.getJsonObject("owner").getString("username");
    assertThat(expected).isIn(ann.username(), bob.username());
    assertThat(second.getJsonObject("owner").getString("username"))
        .as("a dry run takes no turn")
        .isEqualTo(expected);
    List<JsonObject> steps = first.getJsonArray("steps").getValuesAs(JsonObject.class);
    JsonObject promoterStep =
        steps.stream()
            .filter(st -> st.getString("step").equals("RULE:" + promoters))
            .findFirst()
            .orElseThrow();
    assertThat(promoterStep.getBoolean("decided")).isFalse();
    assertThat(promoterStep.getString("reason")).contains("score 4 is outside 9–10");
    assertThat(steps.get(steps.size() - 1).getString("step")).isEqualTo("RULE:" + rotationRule);
    assertThat(SurveyFixtures.casesOfSurvey(manager, surveyId, null))
        .as("no case opened")
        .isEmpty();

    // The real comments then go exactly where the dry run said, and take turns from there.
    Invited one = invite(surveyId, title, "Ola One", Map.of());
    Invited two = invite(surveyId, title, "Tom Two", Map.of());
    SurveyFixtures.answerByApi(one, 4, "rotation one");
    SurveyFixtures.answerByApi(two, 4, "rotation two");
    String other = expected.equals(ann.username()) ? bob.username() : ann.username();
    assertThat(ownerUsername(SurveyFixtures.caseOf(manager, surveyId, one)))
        .isEqualTo(idOf(expected, ann, bob));
    assertThat(ownerUsername(SurveyFixtures.caseOf(manager, surveyId, two)))
        .isEqualTo(idOf(other, ann, bob));

    JsonObject fallsToSurveyTeam =
        manager
            .postJson(
                "/api/followup/rules/dry-run",
                Map.of("surveyId", surveyId, "score", 5, "comment", "nothing special"))
            .expectStatus(200)
            .json();
    assertThat(fallsToSurveyTeam.getString("decidedBy")).isEqualTo("SURVEY_DEFAULT_TEAM");
    assertThat(fallsToSurveyTeam.getJsonObject("owner").getString("username"))
        .isEqualTo(sam.username());
  }

  // ---------------------------------------------------------------------------------------------
  // Managing rules, teams and owners away
  // ---------------------------------------------------------------------------------------------

  @Test
  void rulesCanBeChangedReorderedAndDeleted() {
    String surveyId =
        SurveyFixtures.createNpsAndComment(manager, Names.unique("Draft for rules"))
            .getString("id");
    String a =
        rule(
            Map.of(
                "name",
                Names.unique("first"),
                "surveyId",
                surveyId,
                "targetOwner",
                sam.username()));
    String b =
        rule(
            Map.of(
                "name",
                Names.unique("second"),
                "surveyId",
                surveyId,
                "scoreMin",
                2,
                "scoreMax",
                4,
                "targetOwner",
                sam.username()));

    List<String> ids = ruleIds();
    assertThat(ids.indexOf(a)).isLessThan(ids.indexOf(b));
    List<String> swapped = new ArrayList<>(ids);
    swapped.set(ids.indexOf(a), b);
    swapped.set(ids.indexOf(b), a);
    manager.putJson("/api/followup/rules/order", Map.of("ids", swapped)).expectStatus(200);
    assertThat(ruleIds()).containsExactlyElementsOf(swapped);

    manager
        .postJson("/api/followup/rules/" + a + "/move", Map.of("direction", "up"))
        .expectStatus(200);
    assertThat(ruleIds()).containsExactlyElementsOf(ids);

    JsonObject changed =
        manager
            .putJson(
                "/api/followup/rules/" + b,
                Map.of(
                    "name",
                    Names.unique("second"),
                    "surveyId",
                    surveyId,
                    "band",
                    "passive",
                    "keywords",
                    List.of("slow"),
                    "targetTeamId",
                    samsTeam))
            .expectStatus(200)
            .json();
    assertThat(changed.getString("band")).isEqualTo("PASSIVE");
    assertThat(changed.getInt("scoreMin")).isEqualTo(7);
    assertThat(changed.getString("targetTeamId")).isEqualTo(samsTeam);

    manager.delete("/api/followup/rules/" + a).expectStatus(204);
    assertThat(ruleIds()).doesNotContain(a).contains(b);
    manager.delete("/api/followup/rules/" + a).expectProblem(404);
  }

  @Test
  void teamLeadAndStrategyAreSetAtCreationAndCanBeChanged() {
    StaffMember lead = StaffMember.create(admin, "owner", "Lee Lead");
    JsonObject created =
        manager
            .postJson(
                "/api/followup/teams",
                Map.of(
                    "name",
                    Names.unique("Led"),
                    "members",
                    List.of(lead.username()),
                    "lead",
                    lead.username(),
                    "strategy",
                    "FEWEST_OPEN"))
            .expectStatus(201)
            .json();
    assertThat(created.getString("leadUserId")).isEqualTo(lead.id());
    assertThat(created.getString("strategy")).isEqualTo("FEWEST_OPEN");

    JsonObject changed =
        manager
            .putJson(
                "/api/followup/teams/" + created.getString("id"), Map.of("strategy", "ROUND_ROBIN"))
            .expectStatus(200)
            .json();
    assertThat(changed.getString("strategy")).isEqualTo("ROUND_ROBIN");
    assertThat(changed.containsKey("leadUserId") && !changed.isNull("leadUserId")).isFalse();

    assertThat(
            manager
                .postJson(
                    "/api/followup/teams",
                    Map.of(
                        "name",
                        Names.unique("Bad"),
                        "members",
                        List.of(lead.username()),
                        "lead",
                        "nobody-" + Names.suffix(),
                        "strategy",
                        "RANDOM"))
                .expectProblem(400)
                .errorFields())
        .contains("lead", "strategy");
  }

  @Test
  void ownersMarkThemselvesAwayButNotOthers() {
    StaffMember olga = StaffMember.create(admin, "owner", "Olga Owner");
    StaffMember otto = StaffMember.create(admin, "owner", "Otto Owner");
    ApiClient olgaClient = olga.logIn();

    assertThat(
            olgaClient
                .putJson("/api/followup/owners/" + olga.username() + "/away", Map.of("away", true))
                .expectStatus(200)
                .json()
                .getBoolean("away"))
        .isTrue();
    olgaClient
        .putJson("/api/followup/owners/" + otto.username() + "/away", Map.of("away", true))
        .expectProblem(403);
    JsonObject listed =
        manager
            .get("/api/followup/owners")
            .expectStatus(200)
            .jsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(o -> o.getString("username").equals(olga.username()))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getBoolean("away")).isTrue();
    markAway(manager, olga, false);
  }

  @Test
  void anOwnerCannotReadOrChangeTheRules() {
    ApiClient owner = StaffMember.create(admin, "owner", "Nosy Owner").logIn();
    owner.get("/api/followup/rules").expectProblem(403);
    owner
        .postJson("/api/followup/rules", Map.of("name", "mine", "targetOwner", sam.username()))
        .expectProblem(403);
    owner
        .postJson(
            "/api/followup/rules/dry-run", Map.of("surveyId", "x", "score", 1, "comment", "x"))
        .expectProblem(403);
    owner.get("/app/routing").expectStatus(403);
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input
  // ---------------------------------------------------------------------------------------------

  @Test
  void badRulesAreRefusedNamingTheField() {
    String surveyId =
        SurveyFixtures.createNpsAndComment(manager, Names.unique("Draft for bad rules"))
            .getString("id");
    int rulesBefore = ruleIds().size();
    assertThat(
            badRule(
                Map.of(
                    "name",
                    Names.unique("r"),
                    "surveyId",
                    surveyId,
                    "targetTeamId",
                    "no-such-team")))
        .containsExactly("targetTeamId");
    assertThat(
            badRule(
                Map.of(
                    "name",
                    Names.unique("r"),
                    "surveyId",
                    surveyId,
                    "targetOwner",
                    "nobody-" + Names.suffix())))
        .containsExactly("targetOwner");
    assertThat(badRule(Map.of("name", Names.unique("r"), "surveyId", surveyId)))
        .containsExactly("targetTeamId");
    assertThat(
            badRule(
                Map.of(
                    "name",
                    Names.unique("r"),
                    "surveyId",
                    surveyId,
                    "targetTeamId",
                    samsTeam,
                    "targetOwner",
                    sam.username())))
        .containsExactly("targetOwner");
    assertThat(
            badRule(
                Map.of(
                    "name",
                    Names.unique("r"),
                    "surveyId",
                    surveyId,
                    "scoreMin",
                    8,
                    "scoreMax",
                    3,
                    "targetTeamId",
                    samsTeam)))
        .containsExactly("scoreMin");
    assertThat(
            badRule(
                Map.of(
                    "name",
                    Names.unique("r"),
                    "surveyId",
                    surveyId,
                    "band",
                    "HAPPY",
                    "targetTeamId",
                    samsTeam)))
        .containsExactly("band");
    assertThat(
            badRule(
                Map.of(
                    "name",
                    "",
                    "surveyId",
                    "no-such-survey",
                    "scoreMax",
                    11,
                    "attributeName",
                    "plan",
                    "targetTeamId",
                    samsTeam)))
        .containsExactlyInAnyOrder("name", "surveyId", "scoreMax", "attributeValues");
    assertThat(
            manager
                .putJson("/api/followup/rules/order", Map.of("ids", List.of("not-a-rule")))
                .expectProblem(400)
                .errorFields())
        .containsExactly("ids");
    assertThat(
            manager
                .postJson("/api/followup/rules/dry-run", Map.of("score", 11, "comment", " "))
                .expectProblem(400)
                .errorFields())
        .containsExactlyInAnyOrder("surveyId", "score", "comment");
    assertThat(ruleIds()).as("nothing half-written").hasSize(rulesBefore);
  }

  // ---------------------------------------------------------------------------------------------
  // The Routing page
  // ---------------------------------------------------------------------------------------------

  @Test
  void theRoutingPageAddsRulesTriesACommentAndMarksOwnersAway() {
    StaffMember pia = StaffMember.create(admin, "owner", "Pia Page");
    String title = Names.unique("Page routing");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    String name = Names.unique("page-rule");

    String csrf = csrf(manager.get("/app/routing").expectStatus(200).body());
    manager
        .postForm(
            "/app/routing/rules",
            form(
                csrf,
                "name",
                name,
                "surveyId",
                surveyId,
                "keywords",
                "shipping, parcel",
                "band",
                "",
                "scoreMin",
                "",
                "scoreMax",
                "",
                "attributeName",
                "",
                "attributeValues",
                "",
                "target",
                "owner:" + pia.username()))
        .expectStatus(303);
    String page = manager.get("/app/routing").expectStatus(200).body();
    assertThat(page)
        .contains(name)
        .contains("comment mentions shipping or parcel")
        .contains("Pia Page");
    ruleIds().stream().filter(id -> !createdRules.contains(id)).forEach(createdRules::add);

    String tried =
        manager
            .postForm(
                "/app/routing/dry-run",
                form(
                    csrf(page),
                    "surveyId",
                    surveyId,
                    "questionKey",
                    "",
                    "score",
                    "6",
                    "comment",
                    "Where is my <b>parcel</b>?",
                    "attributes",
                    "plan=Pro"))
            .expectStatus(200)
            .body();
    assertThat(tried).contains("Would go to <strong>Pia Page</strong>").contains(name);
    assertThat(tried).contains("Where is my &lt;b&gt;parcel&lt;/b&gt;?");

    manager
        .postForm(
            "/app/routing/owners/" + pia.username() + "/away", form(csrf(page), "away", "true"))
        .expectStatus(303);
    assertThat(manager.get("/app/routing").expectStatus(200).body())
        .contains("Mark Pia Page back")
        .contains("the owner is away");
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> badRule(Map<String, Object> body) {
    return manager.postJson("/api/followup/rules", body).expectProblem(400).errorFields();
  }

  private static String rule(Map<String, Object> body) {
    String id =
        manager.postJson("/api/followup/rules", body).expectStatus(201).json().getString("id");
    createdRules.add(id);
    return id;
  }

  private static List<String> ruleIds() {
    return manager
        .get("/api/followup/rules")
        .expectStatus(200)
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .map(r -> r.getString("id"))
        .toList();
  }

  private static String team(String name, List<StaffMember> members, String strategy) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", Names.unique(name));
    body.put("members", members.stream().map(StaffMember::username).toList());
    if (strategy != null) {
      body.put("strategy", strategy);
    }
    return manager.postJson("/api/followup/teams", body).expectStatus(201).json().getString("id");
  }

  private static void defaultTeam(String surveyId, String teamId) {
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
  }

  private static void markAway(ApiClient who, StaffMember owner, boolean away) {
    who.putJson("/api/followup/owners/" + owner.username() + "/away", Map.of("away", away))
        .expectStatus(200);
  }

  private static Invited invite(
      String surveyId, String title, String name, Map<String, String> attributes) {
    String email = Names.email(name.toLowerCase().replaceAll("[^a-z]+", "."));
    String contactId = SurveyFixtures.addContact(manager, email, name, attributes);
    SurveyFixtures.send(manager, surveyId, List.of(contactId));
    return new Invited(contactId, email, name, mailbox.awaitMail(email, title).surveyLinkInText());
  }

  private static void assertRouted(
      String surveyId, Invited customer, StaffMember owner, String routedBy) {
    JsonObject found = SurveyFixtures.caseOf(manager, surveyId, customer);
    assertThat(found.getJsonObject("owner").getString("id"))
        .as("owner of %s's case (routed by %s)", customer.name(), found.getString("routedBy"))
        .isEqualTo(owner.id());
    assertThat(found.getString("routedBy")).isEqualTo(routedBy);
  }

  private static String ownerUsername(JsonObject foundCase) {
    return foundCase.getJsonObject("owner").getString("id");
  }

  private static String idOf(String username, StaffMember... members) {
    for (StaffMember m : members) {
      if (m.username().equals(username)) {
        return m.id();
      }
    }
    throw new AssertionError("unknown " + username);
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private static Map<String, String> form(String csrf, String... pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf);
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return fields;
  }
}
