package it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.ItEnvironment;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import it.support.Teams;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conversation with the customer by email, end to end: the owner's reply leaves with the case's
 * reply address and threading headers; the customer's answer, read back over IMAP from GreenMail,
 * joins the case with its quoted history stripped, reopens it and notifies the owner; unmatched
 * mail waits in triage; malformed, HTML-only, attached, huge and non-UTF-8 mail never stops the
 * poller.
 *
 * <p>GreenMail delivers by exact recipient and has no plus-addressing, so the server reads ONE
 * mailbox ({@code replies@localhost}, see src/it/liberty/server.env) and the test puts the
 * customer's mail, addressed to {@code reply+<token>@localhost}, straight into that mailbox, as an
 * MTA with a recipient delimiter would.
 */
class TwoWayEmailThreadIT {
  private static final String REPLY_MAILBOX = "replies@localhost";
  private static final Pattern REPLY_ADDRESS = Pattern.compile("reply\\+[0-9a-f]{32}@localhost");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static GreenMail greenMail;
  private static ApiClient manager;
  private static StaffMember owner;
  private static ApiClient ownerClient;
  private static String teamId;

  /** A case whose customer got two replies from the owner. */
  private record RepliedCase(
      String caseId,
      String customerEmail,
      String title,
      MimeMessage firstReply,
      MimeMessage secondReply) {}

  @BeforeAll
  static void mailAndStaff() {
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(ItEnvironment.smtpPort(), "localhost", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort(), "localhost", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.start();
    greenMail.setUser(REPLY_MAILBOX, REPLY_MAILBOX, "it-replies-password");
    ApiClient admin = ApiClient.admin();
    manager = StaffMember.create(admin, "manager", "Mia Manager").logIn();
    owner = StaffMember.create(admin, "owner", "Theo Thread");
    ownerClient = owner.logIn();
    // Publishing needs a fallback owner; the cases here are routed to this class's own team.
    FallbackOwner.assign(manager, owner);
    teamId = Teams.create(manager, "RepliedCase team", owner);
  }

  @AfterAll
  static void stopMail() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  @Test
  void theCustomersAnswerByEmailComesBackIntoTheCaseAndReopensIt() throws Exception {
    RepliedCase thread = caseWithTwoReplies("The parcel took three weeks.\nNobody told me why.");

    // The owner's replies: the case's reply address, threaded, the comment quoted.
    String replyAddress = replyTo(thread.firstReply());
    assertThat(replyAddress).matches(REPLY_ADDRESS);
    assertThat(textOf(thread.firstReply()))
        .contains("> The parcel took three weeks.")
        .contains("> Nobody told me why.");
    String rootId = thread.firstReply().getMessageID();
    assertThat(replyTo(thread.secondReply())).isEqualTo(replyAddress);
    assertThat(thread.secondReply().getHeader("In-Reply-To", null)).isEqualTo(rootId);
    assertThat(thread.secondReply().getHeader("References", null)).contains(rootId);

    // The customer answers from Gmail, to the reply address, quoting the owner.
    MimeMessage answer = customerMail(thread.customerEmail(), replyAddress, thread.secondReply());
    answer.setText(
        "Thanks, it arrived today!\n\n"
            + "On Tue, 4 Nov 2025 at 09:01, Verbatim <verbatim@localhost> wrote:\n"
            + "> We are sorry about the delay.\n> The parcel is on its way.\n",
        "UTF-8");
    deliverToReplyMailbox(answer);

    JsonObject c =
        awaitCase(
            thread.caseId(),
            k -> incoming(k).size() == 1 && "OPEN".equals(k.getString("status")),
            "the customer's answer, and the case open again");
    assertThat(incoming(c).get(0).getString("body")).isEqualTo("Thanks, it arrived today!");
    assertThat(c.getString("status")).isEqualTo("OPEN");
    MimeMessage notice =
        awaitMail(owner.email(), "The customer wrote back: " + thread.title(), m -> true);
    assertThat(textOf(notice))
        .contains("Thanks, it arrived today!")
        .contains("/app/cases/" + thread.caseId());

    // Closed, then answered again by a client that keeps only the threading headers: it reopens.
    String rootCause =
        ownerClient
            .get("/api/cases/root-causes")
            .expectStatus(200)
            .jsonArray()
            .getJsonObject(0)
            .getString("code");
    ownerClient
        .postJson("/api/cases/" + thread.caseId() + "/close", Map.of("rootCause", rootCause))
        .expectStatus(200);
    MimeMessage again = customerMail(thread.customerEmail(), REPLY_MAILBOX, thread.firstReply());
    again.setText("One more thing: the box was damaged.", "UTF-8");
    deliverToReplyMailbox(again);

    JsonObject reopened =
        awaitCase(
            thread.caseId(),
            k -> incoming(k).size() == 2 && "OPEN".equals(k.getString("status")),
            "the second answer, and the closed case reopened");
    assertThat(reopened.getString("status")).isEqualTo("OPEN");
    assertThat(incoming(reopened).get(1).getString("body"))
        .isEqualTo("One more thing: the box was damaged.");
    assertThat(ownerClient.get("/app/cases/" + thread.caseId()).expectStatus(200).body())
        .contains("One more thing: the box was damaged.");
  }

  @Test
  void mailThatMatchesNoCaseWaitsInTriageUntilAManagerAttachesIt() throws Exception {
    String subject = "Question about my account " + Names.suffix();
    MimeMessage stray = new MimeMessage(session());
    stray.setFrom(new InternetAddress(Names.email("stranger")));
    stray.setRecipients(Message.RecipientType.TO, REPLY_MAILBOX);
    stray.setSubject(subject);
    stray.setText("Hello, who do I talk to about my invoice?", "UTF-8");
    deliverToReplyMailbox(stray);

    JsonObject triaged = awaitTriage(subject);
    assertThat(triaged.getString("reason")).contains("No reply address");
    assertThat(triaged.getString("body")).contains("who do I talk to about my invoice?");
    assertThat(manager.get("/app/triage").expectStatus(200).body()).contains(subject);
    ownerClient.get("/api/followup/triage").expectStatus(403);

    RepliedCase thread = caseWithTwoReplies("Invoices are confusing.");
    manager
        .postJson(
            "/api/followup/triage/" + triaged.getString("id") + "/attach",
            Map.of("caseId", thread.caseId()))
        .expectStatus(204);
    JsonObject c = ownerClient.get("/api/cases/" + thread.caseId()).expectStatus(200).json();
    assertThat(incoming(c))
        .extracting(m -> m.getString("body"))
        .containsExactly("Hello, who do I talk to about my invoice?");
    assertThat(
            manager.get("/api/followup/triage").expectStatus(200).jsonArray().stream()
                .map(v -> v.asJsonObject().getString("subject", "")))
        .doesNotContain(subject);
  }

  @Test
  void brokenHtmlOnlyAttachedHugeAndLatin1MailNeverStopThePoller() throws Exception {
    RepliedCase thread = caseWithTwoReplies("Checkout crashed twice.");
    String to = replyTo(thread.firstReply());
    String from = thread.customerEmail();

    // 1. Malformed: a From without an address, a multipart without a boundary.
    String broken =
        "From: <<<not an address\r\nTo: "
            + to
            + "\r\nSubject: =?bogus?Q?broken?=\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed\r\n\r\nmarker-broken-mail body without parts\r\n";
    deliverRawToReplyMailbox(broken);

    // 2. HTML only, with entities and a Gmail quote.
    MimeMessage html = customerMail(from, to, thread.secondReply());
    html.setText(
        "<div dir=\"ltr\">Fish &amp; chips<br>were <b>great</b></div><div class=\"gmail_quote\">"
            + "<blockquote>old text</blockquote></div>",
        "UTF-8",
        "html");
    deliverToReplyMailbox(html);

    // 3. Text plus a binary attachment.
    MimeMessage attached = customerMail(from, to, thread.secondReply());
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Screenshot attached.", "UTF-8");
    MimeBodyPart pdf = new MimeBodyPart();
    pdf.setContent(new byte[] {37, 80, 68, 70, 0, 1, 2, 3}, "application/pdf");
    pdf.setFileName("crash-report.pdf");
    mixed.addBodyPart(text);
    mixed.addBodyPart(pdf);
    attached.setContent(mixed);
    deliverToReplyMailbox(attached);

    // 4. A huge body.
    MimeMessage huge = customerMail(from, to, thread.secondReply());
    huge.setText("huge-start " + "lorem ipsum ".repeat(5_000), "UTF-8");
    deliverToReplyMailbox(huge);

    // 5. ISO-8859-1, quoted-printable.
    String latin1 =
        "From: "
            + from
            + "\r\nTo: "
            + to
            + "\r\nSubject: Gruss\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=ISO-8859-1\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\nViele Gr=FC=DFe aus K=F6ln\r\n";
    deliverRawToReplyMailbox(latin1);

    JsonObject c = awaitCase(thread.caseId(), k -> incoming(k).size() == 5, "all five answers");
    List<String> bodies = incoming(c).stream().map(m -> m.getString("body")).toList();
    assertThat(bodies).contains("Fish & chips\nwere great");
    assertThat(bodies)
        .anyMatch(
            b ->
                b.startsWith("Screenshot attached.")
                    && b.contains("[attachment: crash-report.pdf]"));
    assertThat(bodies)
        .anyMatch(
            b -> b.startsWith("huge-start") && b.length() == 10_000 && b.endsWith("characters]"));
    assertThat(bodies).contains("Viele Grüße aus Köln");
    // The malformed one is kept too, raw, in the case its address names.
    assertThat(bodies)
        .anyMatch(b -> b.contains("could not be decoded") && b.contains("marker-broken-mail"));
  }

  @Test
  void anOwnerStartsAReplyFromATemplateFilledInForTheCase() {
    String name = Names.unique("Apology");
    JsonObject template =
        manager
            .postJson(
                "/api/followup/reply-templates",
                Map.of(
                    "name",
                    name,
                    "body",
                    "Hello {{customer.name}}, thank you for answering {surveyTitle}. You wrote: {comment} — {{owner.name}}"))
            .expectStatus(201)
            .json();
    ownerClient
        .postJson("/api/followup/reply-templates", Map.of("name", "x", "body", "y"))
        .expectStatus(403);
    manager
        .postJson(
            "/api/followup/reply-templates",
            Map.of("name", Names.unique("Bad"), "body", "Hi {{customer.phone}}"))
        .expectProblem(400);
    assertThat(ownerClient.get("/api/followup/reply-templates").expectStatus(200).body())
        .contains(name);

    RepliedCase thread = caseWithTwoReplies("<b>Slow</b> support");
    String page = ownerClient.get("/app/cases/" + thread.caseId()).expectStatus(200).body();
    assertThat(page).contains("name=\"template\"").contains(name);
    String filled =
        ownerClient
            .get("/app/cases/" + thread.caseId() + "?template=" + template.getString("id"))
            .expectStatus(200)
            .body();
    Matcher textarea =
        Pattern.compile("<textarea id=\"text\" name=\"text\"[^>]*>([^<]*)</textarea>")
            .matcher(filled);
    assertThat(textarea.find()).as("the reply textarea").isTrue();
    assertThat(textarea.group(1))
        .startsWith("Hello Pat Customer, thank you for answering " + thread.title())
        .contains("You wrote: &lt;b&gt;Slow&lt;/b&gt; support — Theo Thread");
  }

  // ---------------------------------------------------------------------------------------------

  private static RepliedCase caseWithTwoReplies(String comment) {
    String title = "Delivery " + Names.suffix();
    String surveyId = SurveyFixtures.createNpsAndComment(manager, title).getString("id");
    manager
        .putJson("/api/followup/surveys/" + surveyId + "/routing", Map.of("defaultTeamId", teamId))
        .expectStatus(200);
    SurveyFixtures.publish(manager, surveyId);
    String email = Names.email("pat");
    String contactId = SurveyFixtures.addContact(manager, email, "Pat Customer", Map.of());
    SurveyFixtures.send(manager, surveyId, List.of(contactId));
    String link =
        find(
            Pattern.compile(Pattern.quote(ItEnvironment.baseUrl()) + "/s/([A-Za-z0-9_-]{43})"),
            textOf(awaitMail(email, title, m -> true)));
    SurveyFixtures.answerByApi(
        new SurveyFixtures.Invited(contactId, email, "Pat Customer", link), 3, comment);
    String caseId =
        SurveyFixtures.casesOfSurvey(ownerClient, surveyId, null).get(0).getString("id");
    String subject = "Re: your feedback on " + title;
    ownerClient
        .postJson("/api/cases/" + caseId + "/replies", Map.of("text", "We are looking into it."))
        .expectStatus(200);
    MimeMessage first = awaitMail(email, subject, m -> true);
    ownerClient
        .postJson("/api/cases/" + caseId + "/replies", Map.of("text", "It is on its way."))
        .expectStatus(200);
    MimeMessage second = awaitMail(email, subject, m -> !messageId(m).equals(messageId(first)));
    return new RepliedCase(caseId, email, title, first, second);
  }

  private static MimeMessage customerMail(String from, String to, MimeMessage answering)
      throws Exception {
    MimeMessage mail = new MimeMessage(session());
    mail.setFrom(new InternetAddress(from));
    mail.setRecipients(Message.RecipientType.TO, to);
    mail.setSubject("Re: " + answering.getSubject(), "UTF-8");
    mail.setHeader("In-Reply-To", answering.getMessageID());
    String references = answering.getHeader("References", null);
    mail.setHeader(
        "References", (references == null ? "" : references + " ") + answering.getMessageID());
    return mail;
  }

  private static void deliverToReplyMailbox(MimeMessage mail) throws Exception {
    mail.saveChanges();
    greenMail.getUserManager().getUser(REPLY_MAILBOX).deliver(mail);
  }

  /** As received from the wire, without a Message-ID and without Jakarta Mail tidying it. */
  private static void deliverRawToReplyMailbox(String raw) throws Exception {
    greenMail
        .getUserManager()
        .getUser(REPLY_MAILBOX)
        .deliver(
            new MimeMessage(
                session(), new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
  }

  private static JsonObject awaitCase(String caseId, Predicate<JsonObject> done, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonObject c;
    do {
      c = ownerClient.get("/api/cases/" + caseId).expectStatus(200).json();
      if (done.test(c)) {
        return c;
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "case " + caseId + " did not show " + what + " within " + WAIT + ": " + c);
  }

  private static JsonObject awaitTriage(String subject) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    do {
      for (var value : manager.get("/api/followup/triage").expectStatus(200).jsonArray()) {
        if (subject.equals(value.asJsonObject().getString("subject", null))) {
          return value.asJsonObject();
        }
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no triaged mail '" + subject + "' within " + WAIT);
  }

  private static List<JsonObject> incoming(JsonObject c) {
    return c.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
        .filter(m -> "IN".equals(m.getString("direction")))
        .toList();
  }

  private static MimeMessage awaitMail(
      String recipient, String subject, Predicate<MimeMessage> matching) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      MimeMessage[] received = greenMail.getReceivedMessages();
      for (MimeMessage m : received) {
        try {
          if (isTo(m, recipient) && subject.equals(m.getSubject()) && matching.test(m)) {
            return m;
          }
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError("no mail '" + subject + "' to " + recipient + " within " + WAIT);
      }
      greenMail.waitForIncomingEmail(Math.min(left, 1000), received.length + 1);
    }
  }

  private static boolean isTo(MimeMessage m, String recipient) throws Exception {
    Address[] to = m.getRecipients(Message.RecipientType.TO);
    for (Address a : to == null ? new Address[0] : to) {
      if (((InternetAddress) a).getAddress().equalsIgnoreCase(recipient)) {
        return true;
      }
    }
    return false;
  }

  private static String replyTo(MimeMessage m) throws Exception {
    Address[] replyTo = m.getReplyTo();
    assertThat(replyTo).as("Reply-To of %s", m.getSubject()).hasSize(1);
    return ((InternetAddress) replyTo[0]).getAddress();
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String textOf(MimeMessage m) {
    try {
      Object content = m.getContent();
      if (content instanceof MimeMultipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart part = multipart.getBodyPart(i);
          if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
          }
        }
      }
      return String.valueOf(content);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
    return m.group();
  }

  private static Session session() {
    return Session.getInstance(new Properties());
  }

  private static int imapPort() {
    return Integer.parseInt(System.getProperty("verbatim.imapPort", "3143"));
  }

  private static void pause() {
    try {
      java.lang.Thread.sleep(250);
    } catch (InterruptedException e) {
      java.lang.Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
