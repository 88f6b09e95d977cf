package it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.FallbackOwner;
import it.support.Mailbox;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.Teams;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Line breaks (raw, encoded, unicode) in anything that could end up in a mail header (contact names
 * and attributes, the survey's sender name and title, staff display names, reply text) never start
 * a header of their own: the raw MIME GreenMail received has exactly one From, To and Subject, no
 * Bcc or X-Injected line, and the injected Bcc address received nothing.
 */
class HeaderInjectionIT {
  private static final String EVIL = Names.email("evil");

  private static Mailbox mailbox;
  private static ApiClient admin;
  private static ApiClient manager;

  @BeforeAll
  static void start() {
    mailbox = Mailbox.start();
    admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Header Manager").logIn();
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  /** Ways to smuggle a new header line into a value. */
  static List<String> injections(String base) {
    return List.of(
        base + "\r\nBcc: " + EVIL,
        base + "\nX-Injected: lf",
        base + "\rX-Injected: cr",
        base + "\r\n\r\n<b>body injected</b>",
        base + "\u2028X-Injected: ls\u0085X-Injected: nel",
        base + "%0d%0aBcc:%20" + EVIL,
        "=?UTF-8?Q?" + base + "=0D=0ABcc:_" + EVIL + "?=",
        base + "\u0000\r\n Bcc: " + EVIL);
  }

  @Test
  void invitationHeadersStayIntactWhateverTheSurveyAndContactsSay() {
    StaffMember owner = StaffMember.create(admin, "owner", "Header Owner");
    FallbackOwner.assign(manager, owner);
    String tag = Names.suffix();
    List<String> accepted = new ArrayList<>();
    String title =
        acceptedOrPlain(
            "title", "Header survey " + tag + "\r\nBcc: " + EVIL, "Header survey " + tag, accepted);
    String sender = injections("Sender " + tag).get(0);
    String surveyId = createSurvey(title, sender, accepted);
    SurveyFixtures.publish(manager, surveyId);

    Map<String, String> contactIds = new LinkedHashMap<>();
    List<String> names = injections("Contact " + tag);
    for (int i = 0; i < names.size(); i++) {
      String email = Names.email("header" + i);
      ApiResponse created =
          manager.postJson(
              "/api/contacts",
              Map.of(
                  "email",
                  email,
                  "name",
                  names.get(i),
                  "attributes",
                  Map.of("region", names.get(i))));
      if (created.status() == 201) {
        contactIds.put(email, created.json().getString("id"));
        accepted.add("contact name #" + i);
      } else {
        created.expectProblem(400);
        assertThat(created.errorFields()).isNotEmpty();
        contactIds.put(email, SurveyFixtures.addContact(manager, email, "Plain " + i, Map.of()));
      }
    }
    SurveyFixtures.send(manager, surveyId, new ArrayList<>(contactIds.values()));

    String subject = OutboundSubject.of(title);
    for (String email : contactIds.keySet()) {
      mailbox.awaitMail(email, subject);
      for (String raw : mailbox.rawMimeTo(email)) {
        assertHeadersIntact(raw, email);
      }
    }
    assertThat(mailbox.deliveredTo(EVIL)).as("mail delivered to the injected Bcc").isFalse();
    System.out.println("HeaderInjectionIT: values accepted by the API and mailed: " + accepted);
  }

  @Test
  void staffNamesAndReplyTextNeverBecomeHeadersOfNotificationsOrReplies() {
    String tag = Names.suffix();
    StaffMember owner = staffWithHostileName("Owner " + tag + "\r\nBcc: " + EVIL);
    FallbackOwner.assign(manager, owner);
    String teamId = Teams.create(manager, "Header team", owner);
    String title = "Header reply survey " + tag;
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    SurveyFixtures.Invited customer =
        SurveyFixtures.inviteNewContacts(manager, mailbox, surveyId, title, "Rita").get(0);
    SurveyFixtures.answerByApi(customer, 4, "Comment\r\nBcc: " + EVIL + "\r\nX-Injected: comment");
    ApiClient ownerClient = owner.logIn();
    String caseId = SurveyFixtures.caseOf(ownerClient, surveyId, customer).getString("id");
    for (String reply : injections("Reply " + tag)) {
      ownerClient
          .postJson("/api/cases/" + caseId + "/replies", Map.of("text", reply))
          .expectStatus(200);
    }

    mailbox.awaitMails(
        customer.email(),
        m -> m.subject() != null && m.subject().startsWith("Re:"),
        injections("").size(),
        "replies");
    mailbox.awaitMails(owner.email(), m -> true, 1, "the owner's notification");
    for (String raw : mailbox.rawMimeTo(customer.email())) {
      assertHeadersIntact(raw, customer.email());
    }
    for (String raw : mailbox.rawMimeTo(owner.email())) {
      assertHeadersIntact(raw, owner.email());
    }
    assertThat(mailbox.deliveredTo(EVIL)).as("mail delivered to the injected Bcc").isFalse();
  }

  private static StaffMember staffWithHostileName(String displayName) {
    String username = Names.unique("owner");
    String password = "pw-" + Names.suffix() + "-long-enough";
    ApiResponse created =
        admin.postJson(
            "/api/users",
            Map.of(
                "username",
                username,
                "email",
                username + "@staff.example.com",
                "displayName",
                displayName,
                "password",
                password,
                "roles",
                List.of("owner")));
    if (created.status() != 201) {
      created.expectProblem(400);
      assertThat(created.errorFields()).contains("displayName");
      return StaffMember.create(admin, "owner", "Plain Owner");
    }
    JsonObject user = created.json();
    return new StaffMember(
        user.getString("id"), username, username + "@staff.example.com", displayName, password);
  }

  private String createSurvey(String title, String sender, List<String> accepted) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("senderName", sender);
    body.put("questions", List.of(Map.of("type", "NPS", "prompt", SurveyFixtures.NPS_PROMPT)));
    ApiResponse created = manager.postJson("/api/surveys", body);
    if (created.status() == 201) {
      accepted.add("senderName");
      return created.json().getString("id");
    }
    created.expectProblem(400);
    assertThat(created.errorFields()).contains("senderName");
    body.put("senderName", "Plain sender");
    return manager.postJson("/api/surveys", body).expectStatus(201).json().getString("id");
  }

  private static String acceptedOrPlain(
      String field, String hostile, String plain, List<String> accepted) {
    ApiResponse probe =
        manager.postJson(
            "/api/surveys",
            Map.of(
                field,
                hostile,
                "questions",
                List.of(Map.of("type", "NPS", "prompt", SurveyFixtures.NPS_PROMPT))));
    if (probe.status() == 201) {
      accepted.add(field);
      return hostile;
    }
    probe.expectProblem(400);
    assertThat(probe.errorFields()).contains(field);
    return plain;
  }

  /**
   * The header block of {@code raw}: every line is a header or a folded continuation; none is Bcc,
   * Cc or X-Injected; From, To and Subject appear once, To naming {@code recipient}. (The payload's
   * text may remain inside a Subject or a display name, as text.)
   */
  static void assertHeadersIntact(String raw, String recipient) {
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    List<String> headers = new ArrayList<>();
    for (String line : head.split("\r\n")) {
      if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
        // a folded continuation of the header above: text of that header, not a header
        headers.set(headers.size() - 1, headers.get(headers.size() - 1) + line);
      } else {
        headers.add(line);
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    String to = null;
    for (String header : headers) {
      int colon = header.indexOf(':');
      assertThat(colon).as("header line %s in%n%s", header, head).isPositive();
      String name = header.substring(0, colon).toLowerCase(Locale.ROOT);
      counts.merge(name, 1, Integer::sum);
      assertThat(name).as("injected header in%n%s", head).isNotIn("bcc", "cc", "x-injected");
      if (name.equals("to")) {
        to = header;
      }
    }
    assertThat(counts.get("from")).as("From headers in%n%s", head).isEqualTo(1);
    assertThat(counts.get("to")).as("To headers in%n%s", head).isEqualTo(1);
    assertThat(counts.get("subject")).as("Subject headers in%n%s", head).isEqualTo(1);
    assertThat(to.toLowerCase(Locale.ROOT)).contains(recipient.toLowerCase(Locale.ROOT));
  }

  /** The subject a title becomes: line breaks and controls turned into one space. */
  static final class OutboundSubject {
    static String of(String title) {
      return title.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
  }
}
