package it.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.ItEnvironment;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sending a survey end to end with GreenMail: the invitation's MIME parts and headers, one-click
 * unsubscribe, a bounce report read from the bounce mailbox over IMAP, scheduled sending, audience
 * filters, throttling and open-case holds, each visible in the distribution's progress.
 */
class DistributionIT {
  private static final String BASE = ItEnvironment.baseUrl();
  private static final Pattern TOKEN =
      Pattern.compile(Pattern.quote(BASE) + "/s/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

  private static SurveyMail mail;
  private static ApiClient manager;

  @BeforeAll
  static void start() {
    mail = SurveyMail.start();
    ApiClient admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Dora Distributor").logIn();
    FallbackOwner.assign(manager, StaffMember.create(admin, "owner", "Otto Fallback"));
  }

  @AfterAll
  static void stop() {
    if (mail != null) {
      mail.close();
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void theInvitationIsTextAndHtmlWithTheScoresAsLinksAndOneClickUnsubscribeHeaders()
      throws Exception {
    String title = Names.unique("Your order");
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    String email = Names.email("mime");
    String contactId = SurveyFixtures.addContact(manager, email, "Mia Mime", Map.of());
    SurveyFixtures.send(manager, surveyId, List.of(contactId));

    MimeMessage invitation = mail.awaitOne(email);
    assertThat(invitation.getSubject()).isEqualTo(title);
    assertThat(invitation.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) invitation.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart textPart = parts.getBodyPart(0);
    BodyPart htmlPart = parts.getBodyPart(1);
    assertThat(textPart.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(htmlPart.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
    String text = (String) textPart.getContent();
    String html = (String) htmlPart.getContent();

    String token = find(TOKEN, text);
    List<String> zeroToTen = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(scoreLinks(text, token)).containsExactlyElementsOf(zeroToTen);
    assertThat(scoreLinks(html, token)).containsExactlyElementsOf(zeroToTen);
    assertThat(text)
        .contains(SurveyFixtures.NPS_PROMPT)
        .containsPattern("(?m)^" + Pattern.quote(BASE + "/s/" + token) + "\\r?$");
    assertThat(html).contains(">" + BASE + "/s/" + token + "</a>").doesNotContain("<img");

    String unsubscribe = BASE + "/u/" + token;
    assertThat(invitation.getHeader("List-Unsubscribe", null)).isEqualTo("<" + unsubscribe + ">");
    assertThat(invitation.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(text).contains(unsubscribe);
    assertThat(html).contains("href=\"" + unsubscribe + "\"");
    assertThat(((InternetAddress) invitation.getFrom()[0]).getPersonal()).isEqualTo("Verbatim");
  }

  @Test
  void aPostToTheUnsubscribeLinkSuppressesTheAddressWhileOpeningItChangesNothing()
      throws Exception {
    String email = Names.email("leaver");
    String contactId = SurveyFixtures.addContact(manager, email, "Lea Leaver", Map.of());
    String first = SurveyFixtures.publishedSurvey(manager, Names.unique("First"));
    SurveyFixtures.send(manager, first, List.of(contactId));
    String token = find(TOKEN, text(mail.awaitOne(email)));

    // A mail scanner (or the customer) opening the link only sees a button.
    ApiClient customer = ApiClient.anonymous();
    String confirm = customer.get("/u/" + token).expectStatus(200).body();
    assertThat(confirm)
        .contains("Unsubscribe from survey emails?")
        .contains("<form method=\"post\" action=\"/u/" + token + "\"");
    JsonObject second =
        send(SurveyFixtures.publishedSurvey(manager, Names.unique("Second")), contactId);
    assertThat(skippedReason(second, contactId)).isEqualTo("THROTTLED");

    // The mail client's one-click POST (RFC 8058), twice: the same answer both times.
    for (int i = 0; i < 2; i++) {
      String done =
          customer
              .postRaw(
                  "/u/" + token, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
              .expectStatus(200)
              .body();
      assertThat(done).contains("You are unsubscribed").contains("l***@example.com");
    }
    JsonObject third =
        send(SurveyFixtures.publishedSurvey(manager, Names.unique("Third")), contactId);
    assertThat(third.getInt("invited")).isZero();
    assertThat(skippedReason(third, contactId)).isEqualTo("UNSUBSCRIBED");
    assertThat(customer.get("/u/" + token).expectStatus(200).body())
        .contains("You are unsubscribed");
    assertThat(mail.to(email)).hasSize(1);
  }

  @Test
  void aBounceReportInTheBounceMailboxSuppressesTheAddressAndCountsAsBounced() throws Exception {
    String email = Names.email("bouncer");
    String contactId = SurveyFixtures.addContact(manager, email, "Bo Bouncer", Map.of());
    String surveyId = SurveyFixtures.publishedSurvey(manager, Names.unique("Bounce"));
    JsonObject sent = SurveyFixtures.send(manager, surveyId, List.of(contactId));
    MimeMessage invitation = mail.awaitOne(email);

    mail.deliverBounce(dsn(email, invitation.getMessageID()));

    JsonObject progress =
        awaitProgress(sent.getString("distributionId"), p -> p.getInt("bounced") == 1);
    assertThat(progress.getInt("invited")).isEqualTo(1);
    JsonObject next =
        send(SurveyFixtures.publishedSurvey(manager, Names.unique("After")), contactId);
    assertThat(skippedReason(next, contactId)).isEqualTo("BOUNCED");
  }

  @Test
  void viewingTheLinkCountsAsOpenedAtOnceAndAnAnswerCountsAsOpenedAndAnswered() throws Exception {
    String surveyId = SurveyFixtures.publishedSurvey(manager, Names.unique("Opens"));
    Map<String, String> contacts = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (String who : List.of("viewer", "answerer", "silent")) {
      String email = Names.email(who);
      contacts.put(who, email);
      ids.add(SurveyFixtures.addContact(manager, email, who, Map.of()));
    }
    String distributionId = SurveyFixtures.send(manager, surveyId, ids).getString("distributionId");
    String viewer = find(TOKEN, text(mail.awaitOne(contacts.get("viewer"))));
    String answerer = find(TOKEN, text(mail.awaitOne(contacts.get("answerer"))));
    mail.awaitOne(contacts.get("silent"));

    // The page view is written off the customer's request; reading the progress sees it anyway.
    ApiClient.anonymous().get("/s/" + viewer).expectStatus(200);
    ApiClient.anonymous().get("/s/" + viewer).expectStatus(200);
    JsonObject afterView = progress(distributionId);
    assertThat(afterView.getInt("opened")).isEqualTo(1);
    assertThat(afterView.getInt("answered")).isZero();

    // Answering without viewing the page first (the respondent API) counts as opened too.
    ApiClient.anonymous()
        .postJson("/api/respond/" + answerer, Map.of("answers", Map.of(SurveyFixtures.NPS_KEY, 9)))
        .expectStatus(201);
    JsonObject afterAnswer = progress(distributionId);
    assertThat(afterAnswer.getInt("opened")).isEqualTo(2);
    assertThat(afterAnswer.getInt("answered")).isEqualTo(1);
    assertThat(afterAnswer.getInt("invited")).isEqualTo(3);
  }

  @Test
  void aScheduledDistributionGoesOutOnlyWhenItIsDue() throws Exception {
    String batch = Names.suffix();
    String email = Names.email("later");
    SurveyFixtures.addContact(manager, email, "Lou Later", Map.of("batch", batch));
    String surveyId = SurveyFixtures.publishedSurvey(manager, Names.unique("Scheduled"));
    Instant at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);

    JsonObject created =
        manager
            .postJson(
                "/api/surveys/" + surveyId + "/distributions",
                Map.of("audience", "batch = " + batch, "scheduledAt", at.toString()))
            .expectStatus(201)
            .json();
    assertThat(created.getString("state")).isEqualTo("SCHEDULED");
    assertThat(Instant.parse(created.getString("scheduledAt"))).isEqualTo(at);
    String id = created.getString("distributionId");
    JsonObject before = progress(id);
    assertThat(before.getString("state")).isEqualTo("SCHEDULED");
    assertThat(before.getInt("invited")).isZero();
    assertThat(mail.to(email)).isEmpty();

    MimeMessage invitation = mail.awaitOne(email);
    assertThat(invitation.getSentDate().toInstant()).isAfterOrEqualTo(at.minusSeconds(1));
    JsonObject after = progress(id);
    assertThat(after.getString("state")).isEqualTo("SENT");
    assertThat(Instant.parse(after.getString("sentAt"))).isAfterOrEqualTo(at);
    assertThat(after.getInt("invited")).isEqualTo(1);
  }

  @Test
  void anAudienceFilterPicksContactsAndTheRecentlyInvitedAndThoseWithAnOpenCaseAreListedAsSkipped()
      throws Exception {
    String batch = Names.suffix();
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, String> emails = new LinkedHashMap<>();
    for (String[] c :
        new String[][] {
          {"ann", "north"}, {"bob", "west"}, {"cy", "south"}, {"dee", "north"}, {"eve", "north"}
        }) {
      emails.put(c[0], Names.email(c[0]));
      ids.put(
          c[0],
          SurveyFixtures.addContact(
              manager, emails.get(c[0]), c[0], Map.of("batch", batch, "region", c[1])));
    }
    // Dee and Eve were surveyed just now; Dee left a comment, so she has an open case.
    String earlierTitle = Names.unique("Earlier");
    String earlier = SurveyFixtures.publishedSurvey(manager, earlierTitle);
    SurveyFixtures.send(manager, earlier, List.of(ids.get("dee"), ids.get("eve")));
    String deeEmail = emails.get("dee");
    String deeLink = find(TOKEN, text(mail.awaitOne(deeEmail)));
    SurveyFixtures.answerByApi(
        new SurveyFixtures.Invited(ids.get("dee"), deeEmail, "dee", deeLink), 4, "Too slow.");

    JsonObject sent =
        manager
            .postJson(
                "/api/surveys/"
                    + SurveyFixtures.publishedSurvey(manager, Names.unique("North-west"))
                    + "/distributions",
                Map.of("audience", "batch = " + batch + " AND region in (north, west)"))
            .expectStatus(201)
            .json();
    assertThat(sent.getInt("invited")).isEqualTo(2); // Ann and Bob; Cy is in the south
    JsonObject progress = progress(sent.getString("distributionId"));
    assertThat(skipped(progress))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ids.get("dee"), "THROTTLED", ids.get("eve"), "THROTTLED"));
    assertThat(progress.getJsonObject("skippedByReason").getInt("THROTTLED")).isEqualTo(2);

    // Without throttling Eve is invited again, but Dee's case is still open.
    manager.putJson("/api/settings/sending", Map.of("throttleDays", 0)).expectStatus(200);
    try {
      JsonObject north =
          manager
              .postJson(
                  "/api/surveys/"
                      + SurveyFixtures.publishedSurvey(manager, Names.unique("North"))
                      + "/distributions",
                  Map.of("audience", "batch = " + batch + " AND region = north"))
              .expectStatus(201)
              .json();
      assertThat(north.getInt("invited")).isEqualTo(2); // Ann and Eve
      assertThat(skipped(progress(north.getString("distributionId"))))
          .containsExactlyEntriesOf(Map.of(ids.get("dee"), "OPEN_CASE"));
    } finally {
      manager.putJson("/api/settings/sending", Map.of("throttleDays", 30)).expectStatus(200);
    }
  }

  @Test
  void badAudienceScheduleOrThrottleValuesAreRefusedNamingTheField() {
    String surveyId = SurveyFixtures.publishedSurvey(manager, Names.unique("Bad input"));
    String path = "/api/surveys/" + surveyId + "/distributions";
    assertThat(
            manager
                .postJson(path, Map.of("audience", "region north"))
                .expectProblem(400)
                .errorFields())
        .containsExactly("audience");
    assertThat(
            manager
                .postJson(path, Map.of("scheduledAt", "tomorrow"))
                .expectProblem(400)
                .errorFields())
        .containsExactly("scheduledAt");
    assertThat(
            manager
                .postJson(path, Map.of("audience", "batch = nobody-" + Names.suffix()))
                .expectProblem(400)
                .errorFields())
        .containsExactly("audience");
    assertThat(
            manager
                .putJson("/api/settings/sending", Map.of("throttleDays", -1))
                .expectProblem(400)
                .errorFields())
        .containsExactly("throttleDays");
  }

  // ---------------------------------------------------------------------------------------------

  private static JsonObject send(String surveyId, String contactId) {
    return SurveyFixtures.send(manager, surveyId, List.of(contactId));
  }

  private static JsonObject progress(String distributionId) {
    return manager.get("/api/distributions/" + distributionId).expectStatus(200).json();
  }

  private static JsonObject awaitProgress(String distributionId, Predicate<JsonObject> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject progress = progress(distributionId);
    while (!done.test(progress)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("progress did not get there within 30 s: " + progress);
      }
      Thread.sleep(250);
      progress = progress(distributionId);
    }
    return progress;
  }

  private static Map<String, String> skipped(JsonObject progress) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (JsonObject s : progress.getJsonArray("skippedContacts").getValuesAs(JsonObject.class)) {
      reasons.put(s.getString("contactId"), s.getString("reason"));
    }
    return reasons;
  }

  private static String skippedReason(JsonObject sent, String contactId) {
    return skipped(progress(sent.getString("distributionId"))).get(contactId);
  }

  private static String text(MimeMessage message) throws Exception {
    return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
  }

  private static List<String> scoreLinks(String body, String token) {
    Matcher m =
        Pattern.compile(Pattern.quote(BASE + "/s/" + token + "/answer/") + "(\\d+)").matcher(body);
    List<String> scores = new ArrayList<>();
    while (m.find()) {
      if (!scores.contains(m.group(1))) {
        scores.add(m.group(1));
      }
    }
    return scores;
  }

  private static String find(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertThat(m.find()).as("link in:\n" + body).isTrue();
    return m.group(1);
  }

  /** A delivery status notification as Postfix writes it, for the invitation that bounced. */
  private static String dsn(String recipient, String messageId) {
    return String.join(
        "\r\n",
        "From: MAILER-DAEMON@mx.example.com (Mail Delivery System)",
        "To: bounces@localhost",
        "Subject: Undelivered Mail Returned to Sender",
        "Message-ID: <dsn-" + Names.suffix() + "@mx.example.com>",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"BOUND\"",
        "",
        "--BOUND",
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "Your message could not be delivered to " + recipient + ".",
        "",
        "--BOUND",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.example.com",
        "",
        "Final-Recipient: rfc822; " + recipient,
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
        "",
        "--BOUND",
        "Content-Type: text/rfc822-headers",
        "",
        "From: Verbatim <verbatim@localhost>",
        "To: " + recipient,
        "Message-ID: " + messageId,
        "",
        "--BOUND--",
        "");
  }
}
