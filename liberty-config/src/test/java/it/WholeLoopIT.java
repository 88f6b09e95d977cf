package it;

import static it.support.SurveyFixtures.COMMENT_KEY;
import static it.support.SurveyFixtures.COMMENT_PROMPT;
import static it.support.SurveyFixtures.NPS_KEY;
import static it.support.SurveyFixtures.NPS_PROMPT;
import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.NoLeaks;
import it.support.ReceivedMail;
import it.support.ReportsCaughtUp;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end over HTTP, with GreenMail as the real SMTP server: staff set-up,
 * a survey, contacts, invitations, customers answering, cases routed, replied to and closed, and
 * the report; then each kind of bad input on its own.
 *
 * <p>The whole-loop test builds its own staff and makes its owner the fallback owner (that is the
 * routing it checks). The other tests route their surveys to a team of this class's owner, so they
 * do not depend on who the (global) fallback owner is at the moment.
 */
class WholeLoopIT {
  private static Mailbox mailbox;
  private static ApiClient admin;
  private static ApiClient manager;
  private static StaffMember owner;
  private static ApiClient ownerClient;
  private static ApiClient otherOwnerClient;
  private static String teamId;

  @BeforeAll
  static void staffAndRouting() {
    mailbox = Mailbox.start();
    admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Mel Manager").logIn();
    owner = StaffMember.create(admin, "owner", "Omar Owner");
    ownerClient = owner.logIn();
    otherOwnerClient = StaffMember.create(admin, "owner", "Olga Otherowner").logIn();
    FallbackOwner.assign(manager, owner);
    teamId = Teams.create(manager, "Omar's team", owner);
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The whole loop
  // ---------------------------------------------------------------------------------------------

  @Test
  void aCustomerCommentTravelsFromInvitationToARepliedClosedCaseAndIntoTheReport() {
    String run = Names.suffix();

    // Admin creates a manager and two owners.
    StaffMember maria = StaffMember.create(admin, "manager", "Maria Manager " + run);
    StaffMember olivia = StaffMember.create(admin, "owner", "Olivia Owner " + run);
    StaffMember oscar = StaffMember.create(admin, "owner", "Oscar Owner " + run);
    List<String> owners =
        admin
            .get("/api/users?role=owner")
            .expectStatus(200)
            .jsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(u -> u.getString("username"))
            .toList();
    assertThat(owners)
        .contains(olivia.username(), oscar.username())
        .doesNotContain(maria.username());

    // The manager makes Olivia the fallback owner.
    ApiClient mgr = maria.logIn();
    FallbackOwner.assign(mgr, olivia);
    assertThat(
            mgr.get("/api/followup/settings").expectStatus(200).json().getString("fallbackOwner"))
        .isEqualTo(olivia.username());

    // ... creates the survey (NPS + free text) and publishes it.
    String title = "Your order experience " + run;
    JsonObject draft = SurveyFixtures.createNpsAndComment(mgr, title);
    String surveyId = draft.getString("id");
    assertThat(draft.getString("status")).isEqualTo("DRAFT");
    assertThat(draft.getJsonArray("questions").getValuesAs(JsonObject.class))
        .extracting(
            q -> q.getString("key"), q -> q.getString("type"), q -> q.getBoolean("required"))
        .containsExactly(
            Tuple.tuple(NPS_KEY, "NPS", true), Tuple.tuple(COMMENT_KEY, "TEXT", false));
    assertThat(SurveyFixtures.publish(mgr, surveyId).getString("status")).isEqualTo("PUBLISHED");

    // ... adds contacts one at a time and in bulk, one of them again with its email in other case.
    String adaEmail = "ada." + run + "@example.com";
    String graceEmail = "grace." + run + "@example.com";
    String linusEmail = "linus." + run + "@example.com";
    String margaretEmail = "margaret." + run + "@example.com";
    String alanEmail = "alan." + run + "@example.com";
    String adaId =
        SurveyFixtures.addContact(
            mgr, adaEmail, "Ada Lovelace", Map.of("region", "EMEA", "plan", "Pro"));
    String graceId =
        SurveyFixtures.addContact(
            mgr, graceEmail, "Grace Hopper", Map.of("region", "APAC", "plan", "Basic"));
    JsonObject graceAgain =
        mgr.postJson(
                "/api/contacts",
                Map.of("email", graceEmail.toUpperCase(), "attributes", Map.of("team", "Navy")))
            .expectStatus(200)
            .json();
    assertThat(graceAgain.getString("id")).as("the same contact, updated").isEqualTo(graceId);
    JsonObject bulk =
        mgr.postJson(
                "/api/contacts/bulk",
                List.of(
                    Map.of(
                        "email",
                        linusEmail,
                        "name",
                        "Linus Torvalds",
                        "attributes",
                        Map.of("region", "EMEA")),
                    Map.of(
                        "email",
                        margaretEmail,
                        "name",
                        "Margaret Hamilton",
                        "attributes",
                        Map.of("region", "AMER")),
                    Map.of(
                        "email",
                        alanEmail,
                        "name",
                        "Alan Turing",
                        "attributes",
                        Map.of("region", "EMEA")),
                    Map.of(
                        "email",
                        "ADA." + run.toUpperCase() + "@Example.COM",
                        "attributes",
                        Map.of("tier", "gold"))))
            .expectStatus(200)
            .json();
    assertThat(bulk.getInt("created")).isEqualTo(3);
    assertThat(bulk.getInt("updated")).isEqualTo(1);

    JsonObject search = mgr.get("/api/contacts?q=" + run + "&size=50").expectStatus(200).json();
    assertThat(search.getInt("total")).as("five people, no duplicates").isEqualTo(5);
    Map<String, JsonObject> contacts =
        search.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(c -> c.getString("email").toLowerCase(), c -> c));
    assertThat(contacts)
        .containsOnlyKeys(adaEmail, graceEmail, linusEmail, margaretEmail, alanEmail);
    JsonObject ada = contacts.get(adaEmail);
    assertThat(ada.getString("id")).isEqualTo(adaId);
    assertThat(ada.getString("name"))
        .as("a name left out of the update is kept")
        .isEqualTo("Ada Lovelace");
    assertThat(attributes(ada))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("region", "EMEA", "plan", "Pro", "tier", "gold"));
    assertThat(attributes(contacts.get(graceEmail)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("region", "APAC", "plan", "Basic", "team", "Navy"));

    // ... and sends the survey to these five (a second send invites nobody twice).
    List<String> contactIds = contacts.values().stream().map(c -> c.getString("id")).toList();
    JsonObject sent = SurveyFixtures.send(mgr, surveyId, contactIds);
    assertThat(sent.getString("distributionId")).isNotBlank();
    assertThat(sent.getInt("invited")).isEqualTo(5);
    assertThat(sent.getInt("skippedAlreadyInvited")).isZero();
    JsonObject sentAgain = SurveyFixtures.send(mgr, surveyId, contactIds);
    assertThat(sentAgain.getInt("invited")).isZero();
    assertThat(sentAgain.getInt("skippedAlreadyInvited")).isEqualTo(5);

    // Each contact receives one invitation: text + HTML alternatives, the same personal link in
    // both.
    Map<String, Invited> invited = new LinkedHashMap<>();
    Map<String, String> names =
        Map.of(
            adaEmail,
            "Ada Lovelace",
            graceEmail,
            "Grace Hopper",
            linusEmail,
            "Linus Torvalds",
            margaretEmail,
            "Margaret Hamilton",
            alanEmail,
            "Alan Turing");
    for (String email : List.of(adaEmail, graceEmail, linusEmail, margaretEmail, alanEmail)) {
      ReceivedMail invitation = mailbox.awaitMail(email, title);
      assertThat(invitation.contentType()).startsWith("multipart/alternative");
      assertThat(invitation.partTypes()).containsExactly("text/plain", "text/html");
      assertThat(invitation.allSurveyLinksIn(invitation.text()))
          .as("links in the text part")
          .hasSize(1);
      assertThat(invitation.allSurveyLinksIn(invitation.html()))
          .as("links in the HTML part")
          .hasSize(1);
      assertThat(invitation.surveyLinkInHtml()).isEqualTo(invitation.surveyLinkInText());
      assertThat(invitation.text()).contains("Hello " + names.get(email));
      invited.put(
          email,
          new Invited(
              contacts.get(email).getString("id"),
              email,
              names.get(email),
              invitation.surveyLinkInText()));
    }
    assertThat(invited.values().stream().map(Invited::token).collect(Collectors.toSet()))
        .as("every link is personal")
        .hasSize(5);

    // Customers follow their links. Ada: a promoter without a comment.
    ApiClient customer = ApiClient.anonymous();
    ApiResponse adaPage = customer.get(invited.get(adaEmail).page()).expectStatus(200);
    assertThat(adaPage.contentType()).startsWith("text/html");
    assertThat(adaPage.body())
        .contains(title, NPS_PROMPT, COMMENT_PROMPT, "Two quick questions about your last order.");
    for (int score = 0; score <= 10; score++) {
      assertThat(adaPage.body()).contains("name=\"a_" + NPS_KEY + "\" value=\"" + score + "\"");
    }
    assertThat(adaPage.body())
        .contains("<textarea id=\"a_" + COMMENT_KEY + "\" name=\"a_" + COMMENT_KEY + "\"");
    assertThanked(customer.postForm(invited.get(adaEmail).page(), Map.of("a_" + NPS_KEY, "10")));

    // Grace: a detractor with a comment.
    String graceComment = "The export keeps failing on large files, three times this week.";
    customer.get(invited.get(graceEmail).page()).expectStatus(200);
    assertThanked(
        customer.postForm(
            invited.get(graceEmail).page(),
            Map.of("a_" + NPS_KEY, "3", "a_" + COMMENT_KEY, graceComment)));

    // Linus: a promoter whose comment contains markup.
    String linusComment = "<script>alert(1)</script> Checkout froze twice, otherwise great.";
    customer.get(invited.get(linusEmail).page()).expectStatus(200);
    assertThanked(
        customer.postForm(
            invited.get(linusEmail).page(),
            Map.of("a_" + NPS_KEY, "9", "a_" + COMMENT_KEY, linusComment)));

    // Margaret: a passive, through the respondent API.
    JsonObject forMargaret =
        customer.get("/api/respond/" + invited.get(margaretEmail).token()).expectStatus(200).json();
    assertThat(forMargaret.getString("title")).isEqualTo(title);
    assertThat(forMargaret.getBoolean("answered")).isFalse();
    customer
        .postJson(
            "/api/respond/" + invited.get(margaretEmail).token(),
            Map.of("answers", Map.of(NPS_KEY, 7)))
        .expectStatus(201);
    // Alan does not answer.

    // A second answer through the same link is refused: as a page, and through the API.
    Invited grace = invited.get(graceEmail);
    ApiResponse again =
        customer.postForm(
            grace.page(), Map.of("a_" + NPS_KEY, "10", "a_" + COMMENT_KEY, "Changed my mind"));
    again.expectStatus(409);
    assertThat(again.contentType()).startsWith("text/html");
    assertThat(again.body()).contains("Already answered").doesNotContain("Changed my mind");
    assertThat(customer.get(grace.page()).expectStatus(409).body()).contains("Already answered");
    customer
        .postJson("/api/respond/" + grace.token(), Map.of("answers", Map.of(NPS_KEY, 10)))
        .expectProblem(409);
    assertThat(
            customer
                .get("/api/respond/" + grace.token())
                .expectStatus(200)
                .json()
                .getBoolean("answered"))
        .isTrue();

    // The fallback owner is told about each comment (two), with a link to the case.
    String notificationSubject = "New comment to answer: " + title;
    List<ReceivedMail> notifications =
        mailbox.awaitMails(
            olivia.email(),
            m -> notificationSubject.equals(m.subject()),
            2,
            "'" + notificationSubject + "'");
    assertThat(notifications).hasSize(2);
    Map<String, String> caseIdByCustomer = new HashMap<>();
    for (ReceivedMail note : notifications) {
      assertThat(note.partTypes()).containsExactly("text/plain", "text/html");
      assertThat(note.caseLinkInHtml()).isEqualTo(note.caseLinkInText());
      String caseId = note.caseLinkInText().substring(note.caseLinkInText().lastIndexOf('/') + 1);
      if (note.text().contains(graceComment)) {
        assertThat(note.text()).contains("Grace Hopper", "3 / 10");
        caseIdByCustomer.put(graceEmail, caseId);
      } else {
        assertThat(note.text()).contains(linusComment, "Linus Torvalds", "9 / 10");
        assertThat(note.html())
            .as("the comment is escaped in the HTML mail")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            .doesNotContain("<script>");
        caseIdByCustomer.put(linusEmail, caseId);
      }
    }
    assertThat(caseIdByCustomer).containsOnlyKeys(graceEmail, linusEmail);
    String graceCase = caseIdByCustomer.get(graceEmail);
    String linusCase = caseIdByCustomer.get(linusEmail);
    assertThat(mailbox.mailsTo(oscar.email())).as("the other owner is not notified").isEmpty();

    // Olivia logs in and finds both comments among her open cases; Oscar sees none of them.
    ApiClient oliviaClient = olivia.logIn();
    List<JsonObject> open = SurveyFixtures.casesOfSurvey(oliviaClient, surveyId, "OPEN");
    assertThat(open)
        .extracting(c -> c.getString("id"))
        .containsExactlyInAnyOrder(graceCase, linusCase);
    assertThat(open)
        .allSatisfy(
            c -> {
              assertThat(c.getJsonObject("owner").getString("id")).isEqualTo(olivia.id());
              assertThat(c.getString("routedBy")).isEqualTo("FALLBACK_OWNER");
            });
    assertThat(
            oliviaClient
                .get("/api/cases?status=OPEN&mine=true")
                .expectStatus(200)
                .jsonArray()
                .getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("id"))
        .contains(graceCase, linusCase);
    assertThat(SurveyFixtures.casesOfSurvey(oscar.logIn(), surveyId, null))
        .as("Oscar's inbox")
        .isEmpty();

    // She opens Grace's case: the customer's words, score, name and attributes.
    JsonObject opened = oliviaClient.get("/api/cases/" + graceCase).expectStatus(200).json();
    assertThat(opened.getString("comment")).isEqualTo(graceComment);
    assertThat(opened.getInt("score")).isEqualTo(3);
    assertThat(opened.getString("status")).isEqualTo("OPEN");
    assertThat(opened.getString("surveyTitle")).isEqualTo(title);
    assertThat(opened.getJsonObject("customer").getString("name")).isEqualTo("Grace Hopper");
    assertThat(opened.getJsonObject("customer").getString("email")).isEqualTo(graceEmail);
    assertThat(attributes(opened.getJsonObject("customer")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("region", "APAC", "plan", "Basic", "team", "Navy"));
    assertThat(opened.getJsonArray("messages")).isEmpty();
    String casePage = oliviaClient.get("/app/cases/" + graceCase).expectStatus(200).body();
    assertThat(casePage)
        .contains(graceComment, "3 / 10", "Grace Hopper", graceEmail, "APAC", "Navy", "OPEN");
    String linusPage = oliviaClient.get("/app/cases/" + linusCase).expectStatus(200).body();
    assertThat(linusPage)
        .as("the customer's markup is shown as text, never run")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Checkout froze twice")
        .doesNotContain("<script>alert(1)");
    assertThat(oliviaClient.get("/app/cases").expectStatus(200).body())
        .contains("&lt;script&gt;")
        .doesNotContain("<script>alert(1)");

    // She replies; Grace receives the reply with her own comment quoted.
    String replyToGrace =
        "Thank you, Grace. We found the bug in the export and a fix ships on Friday.";
    JsonObject replied =
        oliviaClient
            .postJson("/api/cases/" + graceCase + "/replies", Map.of("text", replyToGrace))
            .expectStatus(200)
            .json();
    assertThat(replied.getString("status")).isEqualTo("REPLIED");
    assertThat(replied.getJsonArray("messages").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("body"))
        .containsExactly(replyToGrace);
    ReceivedMail replyMail = mailbox.awaitMail(graceEmail, "Re: your feedback on " + title);
    assertThat(replyMail.partTypes()).containsExactly("text/plain", "text/html");
    assertThat(replyMail.text()).contains(replyToGrace, "> " + graceComment, "Olivia Owner " + run);
    assertThat(replyMail.html()).contains("Thank you, Grace.", graceComment);

    // She answers Linus too; his quoted markup stays inert in the HTML mail.
    oliviaClient
        .postJson(
            "/api/cases/" + linusCase + "/replies",
            Map.of("text", "Sorry about the checkout, Linus. It is fixed now."))
        .expectStatus(200);
    ReceivedMail replyToLinus = mailbox.awaitMail(linusEmail, "Re: your feedback on " + title);
    assertThat(replyToLinus.text()).contains("> " + linusComment);
    assertThat(replyToLinus.html())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");

    // She closes Grace's case with a root cause from the list.
    assertThat(
            oliviaClient
                .get("/api/cases/root-causes")
                .expectStatus(200)
                .jsonArray()
                .getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("code") + "=" + r.getString("label"))
        .contains("PRODUCT_DEFECT=Product defect");
    JsonObject closed =
        oliviaClient
            .postJson(
                "/api/cases/" + graceCase + "/close",
                Map.of("rootCause", "PRODUCT_DEFECT", "resolution", "Export fixed in release 2.4."))
            .expectStatus(200)
            .json();
    assertThat(closed.getString("status")).isEqualTo("CLOSED");
    assertThat(closed.getString("rootCause")).isEqualTo("PRODUCT_DEFECT");
    assertThat(closed.getString("resolution")).isEqualTo("Export fixed in release 2.4.");
    assertThat(SurveyFixtures.casesOfSurvey(oliviaClient, surveyId, "OPEN")).isEmpty();
    assertThat(SurveyFixtures.casesOfSurvey(oliviaClient, surveyId, "REPLIED"))
        .extracting(c -> c.getString("id"))
        .containsExactly(linusCase);
    assertThat(SurveyFixtures.casesOfSurvey(oliviaClient, surveyId, "CLOSED"))
        .extracting(c -> c.getString("id"))
        .containsExactly(graceCase);

    // The manager reads the report. Hand-computed from the story above:
    //   5 invited, 4 answered (Ada 10, Grace 3, Linus 9, Margaret 7; Alan silent) -> response rate
    // 80.0 %
    //   promoters 2 (10, 9), passives 1 (7), detractors 1 (3) -> NPS = (2 - 1) / 4 = +25.0
    //   2 comments (Grace, Linus), both routed and replied -> 100.0 %, one closed -> 50.0 %
    //   median first reply of two replied cases = the mean of their two waits (integer millis).
    long graceWait = waitedForFirstReply(oliviaClient, graceCase);
    long linusWait = waitedForFirstReply(oliviaClient, linusCase);
    long expectedMedian = (graceWait + linusWait) / 2;
    ReportsCaughtUp.await();
    JsonObject report = mgr.get("/api/reports/surveys/" + surveyId).expectStatus(200).json();
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(report.getInt("invitations")).as("invitations").isEqualTo(5);
    soft.assertThat(report.getInt("responses")).as("responses").isEqualTo(4);
    soft.assertThat(report.getJsonNumber("responseRatePct").doubleValue())
        .as("responseRatePct")
        .isEqualTo(80.0);
    JsonObject nps = report.getJsonObject("nps");
    soft.assertThat(nps.getJsonNumber("score").doubleValue()).as("nps.score").isEqualTo(25.0);
    soft.assertThat(nps.getInt("promoters")).as("nps.promoters").isEqualTo(2);
    soft.assertThat(nps.getInt("passives")).as("nps.passives").isEqualTo(1);
    soft.assertThat(nps.getInt("detractors")).as("nps.detractors").isEqualTo(1);
    soft.assertThat(nps.getInt("answered")).as("nps.answered").isEqualTo(4);
    soft.assertThat(report.getInt("comments")).as("comments").isEqualTo(2);
    soft.assertThat(report.getJsonNumber("routedPct").doubleValue())
        .as("routedPct")
        .isEqualTo(100.0);
    soft.assertThat(report.getJsonNumber("repliedPct").doubleValue())
        .as("repliedPct")
        .isEqualTo(100.0);
    soft.assertThat(report.getJsonNumber("closedPct").doubleValue())
        .as("closedPct")
        .isEqualTo(50.0);
    soft.assertThat(report.get("medianFirstReplyMillis"))
        .as("medianFirstReplyMillis")
        .isInstanceOf(JsonNumber.class);
    if (report.get("medianFirstReplyMillis") instanceof JsonNumber) {
      soft.assertThat(report.getJsonNumber("medianFirstReplyMillis").longValue())
          .as("medianFirstReplyMillis")
          .isEqualTo(expectedMedian);
      soft.assertThat(report.getJsonNumber("medianFirstReplyMinutes").longValue())
          .as("medianFirstReplyMinutes")
          .isEqualTo(Math.round(expectedMedian / 60_000.0));
    }
    soft.assertAll();

    // ... and the same figures on the report page.
    String reportPage = mgr.get("/app/reports/surveys/" + surveyId).expectStatus(200).body();
    Map<String, String> expectedCells = new LinkedHashMap<>();
    expectedCells.put("nps", "+25.0");
    expectedCells.put("promoters", "2");
    expectedCells.put("passives", "1");
    expectedCells.put("detractors", "1");
    expectedCells.put("responses", "4");
    expectedCells.put("responseRate", "80.0 %");
    expectedCells.put("comments", "2");
    expectedCells.put("routed", "100.0 %");
    expectedCells.put("replied", "100.0 %");
    expectedCells.put("closed", "50.0 %");
    expectedCells.forEach(
        (metric, value) ->
            assertThat(metric(reportPage, metric)).as("report page, %s", metric).isEqualTo(value));
    assertThat(metric(reportPage, "medianFirstReply"))
        .as("report page, median first reply")
        .endsWith("min");

    // Finally: nobody was invited twice.
    for (String email : invited.keySet()) {
      assertThat(mailbox.mailsTo(email).stream().filter(m -> title.equals(m.subject())))
          .as("invitations to %s", email)
          .hasSize(1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input, one scenario each
  // ---------------------------------------------------------------------------------------------

  @Test
  void publishingASurveyBeforeAnyFallbackOwnerIsSetIsRefusedWithAConflict() {
    FallbackOwner.PublishWithoutFallbackOwner observed =
        FallbackOwner.firstPublishWithoutFallbackOwner()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "publishing without a fallback owner was never tried: "
                            + FallbackOwner.whyNotObserved()));
    observed.publish().expectProblem(409);
    assertThat(observed.publish().json().getString("detail")).contains("fallback owner");
    assertThat(observed.surveyAfterwards().expectStatus(200).json().getString("status"))
        .as("the survey stays a draft")
        .isEqualTo("DRAFT");
  }

  @Test
  void aSurveyWithABlankTitleAndAQuestionOfUnknownTypeWithoutPromptIsRejectedNamingEachField() {
    ApiResponse response =
        manager.postJson(
            "/api/surveys",
            Map.of("title", "   ", "questions", List.of(Map.of("type", "STARS", "prompt", ""))));
    response.expectProblem(400);
    assertThat(response.errorFields())
        .containsExactlyInAnyOrder("title", "questions[0].type", "questions[0].prompt");
  }

  @Test
  void aSurveyWithoutQuestionsIsRejectedNamingTheQuestionsAndIsNotSaved() {
    String title = Names.unique("No questions");
    ApiResponse response =
        manager.postJson("/api/surveys", Map.of("title", title, "questions", List.of()));
    response.expectProblem(400);
    assertThat(response.errorFields()).containsExactly("questions");
    assertThat(manager.get("/api/surveys").expectStatus(200).body()).doesNotContain(title);
  }

  @Test
  void malformedJsonIsAnsweredWithA400ProblemNotAStackTrace() {
    ApiResponse response =
        manager.postRaw(
            "/api/surveys", "application/json", "{\"title\": \"Half a survey\", \"questions\": [");
    response.expectProblem(400);
    assertThat(response.json().getString("detail")).containsIgnoringCase("JSON");
  }

  @Test
  void callingTheApiWithoutLoggingInIsAnswered401() {
    ApiClient stranger = ApiClient.anonymous();
    stranger.get("/api/cases").expectProblem(401);
    stranger.get("/api/surveys").expectProblem(401);
    stranger.get("/api/session").expectProblem(401);
    stranger
        .postJson(
            "/api/surveys",
            Map.of("title", "Sneaky", "questions", List.of(Map.of("type", "NPS", "prompt", "?"))))
        .expectProblem(401);
  }

  @Test
  void aWrongPasswordIsAnswered401AndDoesNotLogIn() {
    ApiClient stranger = ApiClient.anonymous();
    stranger
        .postJson(
            "/api/session", Map.of("username", owner.username(), "password", "not-the-password"))
        .expectProblem(401);
    stranger.get("/api/cases").expectProblem(401);
  }

  @Test
  void aVisitorOpeningAStaffPageWithoutLoggingInIsSentToTheLoginPage() {
    ApiResponse response = ApiClient.anonymous().get("/app/cases");
    assertThat(response.status()).isIn(302, 303);
    assertThat(response.location()).endsWith("/login?next=%2Fapp%2Fcases");
  }

  @Test
  void anOwnerCallingAManagerEndpointIsAnswered403() {
    String title = Names.unique("Owner's own survey");
    ownerClient
        .postJson(
            "/api/surveys",
            Map.of("title", title, "questions", List.of(Map.of("type", "NPS", "prompt", "?"))))
        .expectProblem(403);
    ownerClient
        .putJson("/api/followup/settings", Map.of("fallbackOwner", owner.username()))
        .expectProblem(403);
    assertThat(manager.get("/api/surveys").expectStatus(200).body()).doesNotContain(title);
  }

  @Test
  void anOwnerCannotOpenOrAnswerAnotherOwnersCase() {
    String title = Names.unique("Delivery survey");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Barbara Liskov")
            .get(0);
    String comment = "My parcel arrived soaked " + Names.suffix();
    SurveyFixtures.answerByApi(customer, 2, comment);
    String caseId = SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("id");

    ApiResponse api = otherOwnerClient.get("/api/cases/" + caseId);
    api.expectProblem(403);
    assertThat(api.body()).doesNotContain(comment);
    ApiResponse page = otherOwnerClient.get("/app/cases/" + caseId);
    page.expectStatus(403);
    assertThat(page.body()).doesNotContain(comment);
    otherOwnerClient
        .postJson("/api/cases/" + caseId + "/replies", Map.of("text", "Not my case, but hello"))
        .expectProblem(403);
    assertThat(ownerClient.get("/api/cases/" + caseId).expectStatus(200).json().getString("status"))
        .isEqualTo("OPEN");
  }

  @Test
  void aReplyWithoutTextIsRejectedNamingTheTextAndTheCaseStaysOpen() {
    String title = Names.unique("Support survey");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Edsger Dijkstra")
            .get(0);
    SurveyFixtures.answerByApi(customer, 4, "Nobody picked up the phone.");
    String caseId = SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("id");

    ApiResponse response =
        ownerClient.postJson("/api/cases/" + caseId + "/replies", Map.of("text", "   "));
    response.expectProblem(400);
    assertThat(response.errorFields()).containsExactly("text");
    JsonObject unchanged = ownerClient.get("/api/cases/" + caseId).expectStatus(200).json();
    assertThat(unchanged.getString("status")).isEqualTo("OPEN");
    assertThat(unchanged.getJsonArray("messages")).isEmpty();
  }

  @Test
  void closingACaseWithoutRootCauseIsRejectedNamingTheRootCause() {
    String title = Names.unique("Billing survey");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Frances Allen").get(0);
    SurveyFixtures.answerByApi(customer, 5, "I was charged twice.");
    String caseId = SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("id");

    ApiResponse response =
        ownerClient.postJson("/api/cases/" + caseId + "/close", Map.of("resolution", "Refunded"));
    response.expectProblem(400);
    assertThat(response.errorFields()).containsExactly("rootCause");
    assertThat(ownerClient.get("/api/cases/" + caseId).expectStatus(200).json().getString("status"))
        .isEqualTo("OPEN");
  }

  @Test
  void aCustomerWhoSkipsTheRequiredScoreSeesTheMessageNextToTheQuestionAndKeepsTheirText() {
    String title = Names.unique("Store visit survey");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Katherine Johnson")
            .get(0);
    String typed = "Friendly staff & short queues, but \"parking\" was <full>.";

    ApiResponse response =
        ApiClient.anonymous().postForm(customer.page(), Map.of("a_" + COMMENT_KEY, typed));
    response.expectStatus(400);
    assertThat(response.contentType()).startsWith("text/html");
    String npsQuestion = fieldset(response.body(), NPS_KEY);
    assertThat(npsQuestion).contains(NPS_PROMPT, "Please answer this question.");
    assertThat(fieldset(response.body(), COMMENT_KEY))
        .as("no message at the optional comment")
        .doesNotContain("Please answer");
    assertThat(textarea(response.body(), COMMENT_KEY))
        .as("the comment as typed, escaped")
        .isEqualTo("Friendly staff &amp; short queues, but &quot;parking&quot; was &lt;full&gt;.");

    // The link still works: with the score the answer goes through.
    assertThanked(
        ApiClient.anonymous()
            .postForm(customer.page(), Map.of("a_" + NPS_KEY, "8", "a_" + COMMENT_KEY, typed)));
    assertThat(SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("comment"))
        .isEqualTo(typed);
  }

  @Test
  void anUnknownSurveyLinkShowsA404PageThatRevealsNothing() {
    String unknown = randomToken();
    ApiClient stranger = ApiClient.anonymous();
    ApiResponse unknownPage = stranger.get("/s/" + unknown);
    unknownPage.expectStatus(404);
    assertThat(unknownPage.contentType()).startsWith("text/html");
    assertThat(unknownPage.body())
        .contains("This survey link is not valid")
        .doesNotContain(unknown)
        .doesNotContainIgnoringCase("survey id");
    ApiResponse malformedPage = stranger.get("/s/not-a-token");
    malformedPage.expectStatus(404);
    assertThat(malformedPage.body())
        .as("a malformed link looks exactly like an unknown one")
        .isEqualTo(unknownPage.body());
    ApiResponse posted = stranger.postForm("/s/" + unknown, Map.of("a_" + NPS_KEY, "10"));
    posted.expectStatus(404);
    assertThat(posted.body()).isEqualTo(unknownPage.body());
    ApiResponse api = stranger.get("/api/respond/" + unknown);
    api.expectProblem(404);
    assertThat(api.json().getString("detail")).startsWith("This survey link is not valid");
  }

  @Test
  void bulkContactsWithABadEmailAreRejectedAsAWholeNamingTheEntry() {
    String run = Names.suffix();
    ApiResponse response =
        manager.postJson(
            "/api/contacts/bulk",
            List.of(
                Map.of("email", "good." + run + "@example.com", "name", "Good Entry"),
                Map.of("email", "not-an-email-" + run, "name", "Bad Entry")));
    response.expectProblem(400);
    assertThat(response.errorFields()).containsExactly("[1].email");
    assertThat(manager.get("/api/contacts?q=" + run).expectStatus(200).json().getInt("total"))
        .as("nothing saved")
        .isZero();
  }

  @Test
  void oddRequestsAreAnsweredWithClientErrorsThatShowNoStackTraceOrClassName() {
    int before = NoLeaks.checkedSoFar();
    String token = randomToken();
    Map<String, ApiResponse> answers = new LinkedHashMap<>();
    answers.put(
        "survey with wrong types",
        manager.postRaw(
            "/api/surveys", "application/json", "{\"title\": 5, \"questions\": \"many\"}"));
    answers.put(
        "survey as a JSON array", manager.postRaw("/api/surveys", "application/json", "[1, 2, 3]"));
    answers.put(
        "survey as plain text", manager.postRaw("/api/surveys", "text/plain", "title=Hello"));
    answers.put("empty survey body", manager.postRaw("/api/surveys", "application/json", ""));
    answers.put("unknown survey", manager.get("/api/surveys/" + UUID.randomUUID()));
    answers.put(
        "publish unknown survey",
        manager.postJson("/api/surveys/no-such-survey/publish", Map.of()));
    answers.put(
        "send to unknown contacts",
        manager.postJson(
            "/api/surveys/no-such-survey/distributions", Map.of("contactIds", List.of("x"))));
    answers.put("report of unknown survey", manager.get("/api/reports/surveys/no-such-survey"));
    answers.put("unknown case", ownerClient.get("/api/cases/" + UUID.randomUUID()));
    answers.put("unknown status filter", ownerClient.get("/api/cases?status=LOST"));
    answers.put("non-numeric page", manager.get("/api/contacts?page=abc"));
    answers.put(
        "bulk contacts as an object",
        manager.postRaw("/api/contacts/bulk", "application/json", "{\"email\": \"a@b.c\"}"));
    answers.put(
        "contact with null attribute",
        manager.postRaw(
            "/api/contacts",
            "application/json",
            "{\"email\": \"x@example.com\", \"attributes\": {\"region\": null}}"));
    answers.put(
        "unknown root cause",
        ownerClient.postJson("/api/cases/no-such-case/close", Map.of("rootCause", "BAD_LUCK")));
    answers.put(
        "team of nobody",
        manager.postJson(
            "/api/followup/teams",
            Map.of("name", Names.unique("Empty"), "members", List.of("nobody-" + Names.suffix()))));
    answers.put(
        "fallback owner who is not an owner",
        manager.putJson("/api/followup/settings", Map.of("fallbackOwner", "admin")));
    answers.put(
        "answers not an object",
        ApiClient.anonymous()
            .postRaw("/api/respond/" + token, "application/json", "{\"answers\": [1]}"));
    answers.put(
        "wrong method", manager.postRaw("/api/reports/surveys/x", "application/json", "{}"));
    answers.put("unknown API path", manager.get("/api/no-such-thing"));
    answers.put("unknown page", manager.get("/app/no-such-page"));
    answers.put(
        "login without a body",
        ApiClient.anonymous().postRaw("/api/session", "application/json", "not json"));
    answers.forEach(
        (what, response) ->
            assertThat(response.status()).as("%s: %s", what, response).isBetween(400, 499));
    assertThat(NoLeaks.checkedSoFar() - before)
        .as("every answer was checked for leaks")
        .isGreaterThanOrEqualTo(answers.size());
  }

  // ---------------------------------------------------------------------------------------------

  private static String publishedSurveyRoutedToTheTeam(String title) {
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    return surveyId;
  }

  private static void assertThanked(ApiResponse response) {
    response.expectStatus(200);
    assertThat(response.contentType()).startsWith("text/html");
    assertThat(response.body()).contains("Thank you!");
  }

  private static Map<String, String> attributes(JsonObject contact) {
    JsonObject attributes = contact.getJsonObject("attributes");
    Map<String, String> map = new HashMap<>();
    attributes.forEach((k, v) -> map.put(k, attributes.getString(k)));
    return map;
  }

  private static long waitedForFirstReply(ApiClient staff, String caseId) {
    JsonObject c = staff.get("/api/cases/" + caseId).expectStatus(200).json();
    assertThat(c.get("firstReplyAt"))
        .as("case %s has a first reply", caseId)
        .isInstanceOf(JsonNumber.class);
    return c.getJsonNumber("firstReplyAt").longValue() - c.getJsonNumber("createdAt").longValue();
  }

  /** The text of the {@code data-metric} cell on the report page (inside a link or not). */
  private static String metric(String page, String name) {
    Matcher m =
        Pattern.compile("data-metric=\"" + name + "\">(?:<a [^>]*>)?([^<]*)<").matcher(page);
    assertThat(m.find()).as("metric %s on the report page", name).isTrue();
    return m.group(1).strip();
  }

  /** The HTML of one question on the customer's page. */
  private static String fieldset(String page, String key) {
    int start = page.indexOf("id=\"q-" + key + "\"");
    assertThat(start).as("question %s on the page", key).isNotNegative();
    int end = page.indexOf("</fieldset>", start);
    return page.substring(start, end);
  }

  /** The (still escaped) content of a question's textarea. */
  private static String textarea(String page, String key) {
    Matcher m =
        Pattern.compile("<textarea[^>]*name=\"a_" + key + "\"[^>]*>([^<]*)</textarea>")
            .matcher(page);
    assertThat(m.find()).as("textarea for %s", key).isTrue();
    return m.group(1);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
