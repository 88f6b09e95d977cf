package it;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.ReceivedMail;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.SurveyFixtures.Invited;
import it.support.Teams;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An owner's work on a case over HTTP, with GreenMail as the SMTP server: internal notes (never
 * mailed), reassignment with a reason, reopening, the audit trail, the root-cause taxonomy managers
 * maintain, and the customer's history on the case page. Every survey is routed to this class's own
 * team.
 */
class CaseWorkIT {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private static Mailbox mailbox;
  private static ApiClient admin;
  private static ApiClient manager;
  private static StaffMember owner;
  private static ApiClient ownerClient;
  private static StaffMember colleague;
  private static ApiClient colleagueClient;
  private static StaffMember managerMember;
  private static String teamId;

  /** A customer's comment that became a case. */
  record OpenedCase(String id, String surveyId, String title, Invited customer, String comment) {}

  @BeforeAll
  static void staffAndRouting() {
    mailbox = Mailbox.start();
    admin = ApiClient.admin();
    managerMember = StaffMember.create(admin, "manager", "Nia Notesmanager");
    manager = managerMember.logIn();
    owner = StaffMember.create(admin, "owner", "Ines Inbox");
    ownerClient = owner.logIn();
    colleague = StaffMember.create(admin, "owner", "Carl Colleague");
    colleagueClient = colleague.logIn();
    FallbackOwner.assign(manager, owner);
    teamId = Teams.create(manager, "Ines's team", owner);
  }

  @AfterAll
  static void stopMailbox() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Notes
  // ---------------------------------------------------------------------------------------------

  @Test
  void anInternalNoteIsShownOnTheCaseAsNotSentAndNeverReachesTheCustomer() {
    OpenedCase c = openCase("Ada Notewright", 4, "The app logged me out twice.");
    String note = "Checked the logs: session timeout bug " + Names.suffix();

    JsonObject afterNote =
        ownerClient
            .postJson("/api/cases/" + c.id() + "/notes", Map.of("text", note))
            .expectStatus(201)
            .json();
    assertThat(afterNote.getString("status")).as("a note is not a reply").isEqualTo("OPEN");
    assertThat(afterNote.getJsonArray("messages").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("direction"), m -> m.getString("body"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NOTE", note));

    String page = ownerClient.get("/app/cases/" + c.id()).expectStatus(200).body();
    assertThat(articleWith(page, note)).contains("Internal note, not sent", "Ines Inbox");

    // A reply afterwards is mailed; by the time it arrives the note would have too, had it been
    // queued.
    String reply = "Ada, we found the timeout bug and a fix ships this week.";
    ownerClient
        .postJson("/api/cases/" + c.id() + "/replies", Map.of("text", reply))
        .expectStatus(200);
    mailbox.awaitMail(c.customer().email(), "Re: your feedback on " + c.title());
    List<ReceivedMail> toCustomer = mailbox.mailsTo(c.customer().email());
    assertThat(toCustomer)
        .extracting(ReceivedMail::subject)
        .containsExactly(c.title(), "Re: your feedback on " + c.title());
    assertThat(toCustomer)
        .allSatisfy(
            m -> {
              assertThat(m.text()).doesNotContain(note);
              assertThat(m.html() == null ? "" : m.html()).doesNotContain(note);
            });
  }

  @Test
  void anEmptyNoteIsRejectedNamingTheTextAndATooLongOneKeepsTheTypedTextOnThePage() {
    OpenedCase c = openCase("Bo Blanknote", 7, "Fine, but slow checkout.");

    ApiResponse empty =
        ownerClient.postJson("/api/cases/" + c.id() + "/notes", Map.of("text", " "));
    empty.expectProblem(400);
    assertThat(empty.errorFields()).containsExactly("text");

    String tooLong = "Too long & <b>bold</b> " + "x".repeat(10_000);
    ApiResponse form = postForm(ownerClient, c.id(), "notes", Map.of("text", tooLong));
    form.expectStatus(400);
    assertThat(form.contentType()).startsWith("text/html");
    assertThat(form.body())
        .contains("A note can be at most 10000 characters.")
        .contains("aria-describedby=\"note-text-error\"")
        .contains("Too long &amp; &lt;b&gt;bold&lt;/b&gt; xxx");
    assertThat(
            ownerClient
                .get("/api/cases/" + c.id())
                .expectStatus(200)
                .json()
                .getJsonArray("messages"))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Reassignment
  // ---------------------------------------------------------------------------------------------

  @Test
  void reassigningACaseWithAReasonMakesItTheNewOwnersWhoIsToldByEmail() {
    OpenedCase c = openCase("Cleo Handover", 2, "My refund never arrived.");
    String reason = "Carl handles refunds " + Names.suffix();

    JsonObject reassigned =
        ownerClient
            .postJson(
                "/api/cases/" + c.id() + "/reassign",
                Map.of("owner", colleague.username(), "reason", reason))
            .expectStatus(200)
            .json();
    assertThat(reassigned.getJsonObject("owner").getString("id")).isEqualTo(colleague.id());
    assertThat(reassigned.getJsonObject("owner").getString("name")).isEqualTo("Carl Colleague");
    assertThat(reassigned.getString("routedBy")).isEqualTo("REASSIGNED");

    ReceivedMail told =
        mailbox.awaitMail(colleague.email(), "A case was reassigned to you: " + c.title());
    assertThat(told.partTypes()).containsExactly("text/plain", "text/html");
    assertThat(told.text()).contains("Ines Inbox", reason, c.comment(), "Cleo Handover");
    assertThat(told.caseLinkInText()).endsWith("/app/cases/" + c.id());
    assertThat(told.caseLinkInHtml()).endsWith("/app/cases/" + c.id());

    // The case is now Carl's: he opens it; Ines, an owner of another team, no longer can.
    assertThat(colleagueClient.get("/app/cases/" + c.id()).expectStatus(200).body())
        .contains("Carl Colleague", c.comment());
    ownerClient.get("/api/cases/" + c.id()).expectProblem(403);
  }

  @Test
  void
      reassigningToAnUnknownUserOrOneWithoutTheOwnerRoleOrWithoutAReasonIsRejectedNamingTheField() {
    OpenedCase c = openCase("Dora Denied", 5, "Prices went up again.");

    ApiResponse unknown =
        ownerClient.postJson(
            "/api/cases/" + c.id() + "/reassign",
            Map.of("owner", "nobody-" + Names.suffix(), "reason", "Wrong team"));
    unknown.expectProblem(400);
    assertThat(unknown.errorFields()).containsExactly("owner");

    ApiResponse notAnOwner =
        ownerClient.postJson(
            "/api/cases/" + c.id() + "/reassign",
            Map.of("owner", managerMember.username(), "reason", "Manager should see it"));
    notAnOwner.expectProblem(400);
    assertThat(notAnOwner.errorFields()).containsExactly("owner");

    ApiResponse noReason =
        ownerClient.postJson(
            "/api/cases/" + c.id() + "/reassign", Map.of("owner", colleague.username()));
    noReason.expectProblem(400);
    assertThat(noReason.errorFields()).containsExactly("reason");

    // The page form shows the message next to the reason and keeps the chosen owner.
    ApiResponse form =
        postForm(ownerClient, c.id(), "reassign", Map.of("owner", colleague.username()));
    form.expectStatus(400);
    assertThat(form.body())
        .contains("aria-describedby=\"reassign-reason-error\"")
        .contains("<option value=\"" + colleague.username() + "\" selected>");

    // Another owner may not take someone else's case away.
    colleagueClient
        .postJson(
            "/api/cases/" + c.id() + "/reassign",
            Map.of("owner", colleague.username(), "reason", "Mine now"))
        .expectProblem(403);

    JsonObject unchanged = ownerClient.get("/api/cases/" + c.id()).expectStatus(200).json();
    assertThat(unchanged.getJsonObject("owner").getString("id")).isEqualTo(owner.id());
    assertThat(kinds(unchanged)).containsExactly("CREATED");
  }

  // ---------------------------------------------------------------------------------------------
  // Reopen and the audit trail
  // ---------------------------------------------------------------------------------------------

  @Test
  void aClosedCaseCanBeReopenedAndOnlyAClosedOne() {
    OpenedCase c = openCase("Eve Again", 3, "The replacement is broken too.");
    ownerClient
        .postJson("/api/cases/" + c.id() + "/reopen", Map.of("reason", "Not closed yet"))
        .expectProblem(409);
    ownerClient
        .postJson("/api/cases/" + c.id() + "/close", Map.of("rootCause", "PRODUCT_DEFECT"))
        .expectStatus(200);
    String closedPage = ownerClient.get("/app/cases/" + c.id()).expectStatus(200).body();
    assertThat(closedPage).contains("Reopen case").doesNotContain("Close case");

    ApiResponse form =
        postForm(ownerClient, c.id(), "reopen", Map.of("reason", "Customer called again"));
    assertThat(form.status()).isEqualTo(303);

    JsonObject reopened = ownerClient.get("/api/cases/" + c.id()).expectStatus(200).json();
    assertThat(reopened.getString("status")).isEqualTo("OPEN");
    assertThat(absent(reopened, "rootCause")).as("root cause cleared").isTrue();
    assertThat(absent(reopened, "closedAt")).as("closing time cleared").isTrue();
    JsonObject last = lastEvent(reopened);
    assertThat(last.getString("kind")).isEqualTo("REOPENED");
    assertThat(last.getString("detail")).isEqualTo("Customer called again");
    assertThat(last.getString("actor")).isEqualTo("Ines Inbox");
  }

  @Test
  void theAuditTrailRecordsWhoDidWhatInOrderAndThePageShowsIt() {
    OpenedCase c = openCase("Fay Trail", 6, "Delivery took three weeks.");
    long before = System.currentTimeMillis();
    ownerClient
        .postJson("/api/cases/" + c.id() + "/notes", Map.of("text", "Asked the carrier."))
        .expectStatus(201);
    ownerClient
        .postJson("/api/cases/" + c.id() + "/replies", Map.of("text", "Fay, we are on it."))
        .expectStatus(200);
    manager
        .postJson(
            "/api/cases/" + c.id() + "/reassign",
            Map.of("owner", colleague.username(), "reason", "Carl knows the carrier"))
        .expectStatus(200);
    colleagueClient
        .postJson(
            "/api/cases/" + c.id() + "/close",
            Map.of("rootCause", "DELIVERY", "resolution", "Carrier changed"))
        .expectStatus(200);
    manager
        .postJson("/api/cases/" + c.id() + "/reopen", Map.of("reason", "Second parcel late"))
        .expectStatus(200);

    JsonObject trail = manager.get("/api/cases/" + c.id()).expectStatus(200).json();
    List<JsonObject> events = trail.getJsonArray("events").getValuesAs(JsonObject.class);
    assertThat(events)
        .extracting(e -> e.getString("kind"), e -> e.getString("actor"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CREATED", "Verbatim"),
            org.assertj.core.groups.Tuple.tuple("NOTE", "Ines Inbox"),
            org.assertj.core.groups.Tuple.tuple("REPLIED", "Ines Inbox"),
            org.assertj.core.groups.Tuple.tuple("REASSIGNED", "Nia Notesmanager"),
            org.assertj.core.groups.Tuple.tuple("CLOSED", "Carl Colleague"),
            org.assertj.core.groups.Tuple.tuple("REOPENED", "Nia Notesmanager"));
    assertThat(events.get(3).getString("detail"))
        .isEqualTo("From Ines Inbox to Carl Colleague. Reason: Carl knows the carrier");
    assertThat(events.get(1).getString("detail")).isEqualTo("Asked the carrier.");
    List<Long> times = events.stream().map(e -> e.getJsonNumber("at").longValue()).toList();
    assertThat(times).isSorted();
    assertThat(times.get(1)).isGreaterThanOrEqualTo(before - 60_000);

    String page = manager.get("/app/cases/" + c.id()).expectStatus(200).body();
    String details = page.substring(page.indexOf("<details id=\"trail\""));
    assertThat(details)
        .contains("REASSIGNED", "From Ines Inbox to Carl Colleague", "Carl knows the carrier");
    assertThat(details.indexOf("CREATED"))
        .isLessThan(details.indexOf("NOTE"))
        .isLessThan(details.indexOf("REASSIGNED"))
        .isLessThan(details.indexOf("REOPENED"));
  }

  // ---------------------------------------------------------------------------------------------
  // Root-cause taxonomy
  // ---------------------------------------------------------------------------------------------

  @Test
  void managersMaintainTheRootCausesAndADeactivatedOneIsNeitherOfferedNorAccepted() {
    String code = "LOST_PARCEL_" + Names.suffix().toUpperCase();
    JsonObject created =
        manager
            .postJson("/api/followup/root-causes", Map.of("code", code, "label", "Lost parcel"))
            .expectStatus(201)
            .json();
    assertThat(created.getBoolean("active")).isTrue();
    manager
        .postJson("/api/followup/root-causes", Map.of("code", code, "label", "Again"))
        .expectProblem(400);
    assertThat(
            manager
                .putJson("/api/followup/root-causes/" + code, Map.of("label", "Parcel lost"))
                .expectStatus(200)
                .json()
                .getString("label"))
        .isEqualTo("Parcel lost");
    assertThat(offeredCodes()).contains(code);
    OpenedCase c = openCase("Gus Parcel", 1, "My parcel never came.");
    assertThat(ownerClient.get("/app/cases/" + c.id()).expectStatus(200).body())
        .contains("<option value=\"" + code + "\" >Parcel lost</option>");

    manager
        .postJson("/api/followup/root-causes/" + code + "/deactivate", Map.of())
        .expectStatus(200);
    assertThat(offeredCodes()).doesNotContain(code);
    assertThat(ownerClient.get("/app/cases/" + c.id()).expectStatus(200).body())
        .doesNotContain(code);
    assertThat(
            manager
                .get("/api/followup/root-causes")
                .expectStatus(200)
                .jsonArray()
                .getValuesAs(JsonObject.class))
        .filteredOn(r -> r.getString("code").equals(code))
        .singleElement()
        .satisfies(r -> assertThat(r.getBoolean("active")).isFalse());

    ApiResponse inactive =
        ownerClient.postJson("/api/cases/" + c.id() + "/close", Map.of("rootCause", code));
    inactive.expectProblem(400);
    assertThat(inactive.errorFields()).containsExactly("rootCause");
    ApiResponse unknown =
        ownerClient.postJson("/api/cases/" + c.id() + "/close", Map.of("rootCause", "NO_SUCH"));
    unknown.expectProblem(400);
    assertThat(unknown.errorFields()).containsExactly("rootCause");
    assertThat(ownerClient.get("/api/cases/" + c.id()).expectStatus(200).json().getString("status"))
        .isEqualTo("OPEN");

    // Active again, it closes the case.
    manager.postJson("/api/followup/root-causes/" + code + "/activate", Map.of()).expectStatus(200);
    assertThat(
            ownerClient
                .postJson("/api/cases/" + c.id() + "/close", Map.of("rootCause", code))
                .expectStatus(200)
                .json()
                .getString("rootCause"))
        .isEqualTo(code);
  }

  @Test
  void onlyManagersMaintainRootCausesAndABadCodeIsRejectedNamingTheField() {
    ownerClient.get("/api/followup/root-causes").expectProblem(403);
    ownerClient
        .postJson("/api/followup/root-causes", Map.of("code", "OWNERS_OWN", "label", "No"))
        .expectProblem(403);
    ApiResponse bad =
        manager.postJson("/api/followup/root-causes", Map.of("code", "9 bad!", "label", "Bad"));
    bad.expectProblem(400);
    assertThat(bad.errorFields()).containsExactly("code");
    assertThat(manager.get("/app/root-causes").expectStatus(200).body())
        .contains("Root causes", "Support experience");
    assertThat(manager.get("/app/cases").expectStatus(200).body())
        .as("managers find the page in the navigation")
        .contains("href=\"/app/root-causes\"");
  }

  // ---------------------------------------------------------------------------------------------
  // The case page: the customer's history, escaping
  // ---------------------------------------------------------------------------------------------

  @Test
  void theCasePageShowsTheCustomersEarlierResponsesAndCasesWithEscapedText() {
    OpenedCase first =
        openCase("Hal Twice", 3, "<script>alert(1)</script> The app crashed on login.");
    String firstPageBefore = ownerClient.get("/app/cases/" + first.id()).expectStatus(200).body();
    assertThat(firstPageBefore).contains("HIGH", "Due");
    // The same customer answers a second survey: once the first case is closed (a contact with an
    // open case is not surveyed) and with throttling off (they were invited moments ago).
    ownerClient
        .postJson("/api/cases/" + first.id() + "/close", Map.of("rootCause", "PRODUCT_DEFECT"))
        .expectStatus(200);
    String title = Names.unique("Your renewal");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    manager.putJson("/api/settings/sending", Map.of("throttleDays", 0)).expectStatus(200);
    try {
      SurveyFixtures.send(manager, surveyId, List.of(first.customer().contactId()));
    } finally {
      manager.putJson("/api/settings/sending", Map.of("throttleDays", 30)).expectStatus(200);
    }
    String link = mailbox.awaitMail(first.customer().email(), title).surveyLinkInText();
    Invited again =
        new Invited(first.customer().contactId(), first.customer().email(), "Hal Twice", link);
    String secondComment = "Renewal was easy this time " + Names.suffix();
    SurveyFixtures.answerByApi(again, 9, secondComment);
    String secondId = SurveyFixtures.caseOf(ownerClient, surveyId, again).getString("id");

    String page = ownerClient.get("/app/cases/" + secondId).expectStatus(200).body();
    int historyAt = page.indexOf("id=\"history\"");
    String history = page.substring(historyAt, page.indexOf("</section>", historyAt));
    assertThat(history)
        .contains(first.title(), "3 / 10")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; The app crashed on login.")
        .contains("href=\"/app/cases/" + first.id() + "\"")
        .doesNotContain(secondComment);
    assertThat(page).doesNotContain("<script>alert(");
    // The customer's words come first, before the history and the conversation.
    assertThat(page.indexOf(secondComment)).isLessThan(page.indexOf("id=\"history\""));

    String firstPage = ownerClient.get("/app/cases/" + first.id()).expectStatus(200).body();
    assertThat(firstPage)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(")
        .contains(title, secondComment, "href=\"/app/cases/" + secondId + "\"");
  }

  // ---------------------------------------------------------------------------------------------

  private static OpenedCase openCase(String customerName, int score, String comment) {
    String title = Names.unique("Case work survey");
    String surveyId = publishedSurveyRoutedToTheTeam(title);
    Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, customerName).get(0);
    SurveyFixtures.answerByApi(customer, score, comment);
    String id = SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("id");
    return new OpenedCase(id, surveyId, title, customer, comment);
  }

  private static String publishedSurveyRoutedToTheTeam(String title) {
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    return surveyId;
  }

  /** Posts a case-page form the way a browser does: with the CSRF token from the page. */
  private static ApiResponse postForm(
      ApiClient client, String caseId, String action, Map<String, String> fields) {
    String page = client.get("/app/cases/" + caseId).expectStatus(200).body();
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("a CSRF token on the case page").isTrue();
    Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
    withToken.put("_csrf", csrf.group(1));
    return client.postForm("/app/cases/" + caseId + "/" + action, withToken);
  }

  private static String articleWith(String page, String text) {
    int at = page.indexOf(text);
    assertThat(at).as("'%s' on the page", text).isNotNegative();
    int start = page.lastIndexOf("<article", at);
    return page.substring(start, page.indexOf("</article>", at));
  }

  /** JSON-B leaves null members out. */
  private static boolean absent(JsonObject json, String member) {
    return !json.containsKey(member) || json.isNull(member);
  }

  private static List<String> kinds(JsonObject theCase) {
    return theCase.getJsonArray("events").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("kind"))
        .toList();
  }

  private static JsonObject lastEvent(JsonObject theCase) {
    List<JsonObject> events = theCase.getJsonArray("events").getValuesAs(JsonObject.class);
    return events.get(events.size() - 1);
  }

  private static List<String> offeredCodes() {
    return ownerClient
        .get("/api/cases/root-causes")
        .expectStatus(200)
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .map(r -> r.getString("code"))
        .toList();
  }
}
