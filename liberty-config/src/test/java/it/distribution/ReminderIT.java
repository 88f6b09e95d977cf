package it.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.MailBounced;
import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.survey.internal.application.BounceRecorder;
import dev.verbatim.survey.internal.application.ContactService;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.ReminderService;
import dev.verbatim.survey.internal.application.ResponseService;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.application.UnsubscribeService;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.domain.SurveyDraft.QuestionDraft;
import it.guarantee.EntityManagerForTests;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders inside the running application, at explicit points in time (the service takes "now"):
 * none before the wait is over, one after it with the same personal link, none to a customer who
 * answered, unsubscribed or bounced, and never more than the maximum (1 by default). Also: a
 * recipient refused at send time goes on the suppression list.
 */
@ExtendWith(ArquillianExtension.class)
class ReminderIT {
  /**
   * Read the outbox without row locks: a test's scan of plt_outbox otherwise can deadlock with the
   * running outbox drainer's lease update (Derby then kills the test's query).
   */
  // Derby's WITH UR reads past the drainer's row locks; PostgreSQL's reads never wait (no WITH UR).
  private static final String OUTBOX_READ =
      String.valueOf(System.getenv("VERBATIM_DB_URL")).startsWith("jdbc:postgresql:")
          ? ""
          : " WITH UR";

  private static final Pattern SURVEY_LINK = Pattern.compile("/s/([A-Za-z0-9_-]{43})");
  private static final Duration WAIT = Duration.ofDays(3);

  @Deployment
  static WebArchive verbatim() {
    File war = new File(System.getProperty("war.file", "target/verbatim.war"));
    return ShrinkWrap.create(ZipImporter.class, "verbatim.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClass(ReminderIT.class)
        .addClass(EntityManagerForTests.class);
  }

  @Inject ReminderService reminders;
  @Inject DistributionService distributions;
  @Inject SurveyService surveys;
  @Inject ContactService contacts;
  @Inject ResponseService responses;
  @Inject UnsubscribeService unsubscribe;
  @Inject BounceRecorder bounces;
  @Inject FollowupSetupService followupSetup;
  @Inject StaffDirectory staff;
  @Inject EntityManager em;
  @Inject Event<MailBounced> mailBounced;

  @Test
  void onlyTheCustomerWhoDidNotAnswerIsRemindedOnceAfterTheWaitWithTheSameLink() {
    String surveyId = publishedSurvey("Reminders ", true);
    String silent = email("silent");
    String answered = email("answered");
    String leaver = email("leaver");
    String bounced = email("bounced");
    List<String> ids = new ArrayList<>();
    for (String email : List.of(silent, answered, leaver, bounced)) {
      ids.add(contacts.save(new ContactInput(email, "Customer", Map.of())).contact().id());
    }
    distributions.send(surveyId, ids);
    long invitedAt = invitedAt(ids.get(0));

    responses.submit(token(answered), Map.of("score", "9"));
    unsubscribe.unsubscribe(token(leaver));
    bounces.record(bounced, null, "550 5.1.1 user unknown (test)");

    reminders.sendDue(invitedAt + WAIT.toMillis() - 60_000);
    assertEquals(0, reminderCount(silent), "no reminder before the wait is over");

    reminders.sendDue(invitedAt + WAIT.toMillis());
    assertEquals(1, reminderCount(silent), "one reminder once the wait is over");
    String reminder = reminderText(silent);
    assertTrue(reminder.startsWith("A quick reminder"), reminder);
    assertEquals(token(silent), firstLink(reminder), "the reminder carries the same personal link");
    assertEquals(0, reminderCount(answered), "no reminder after an answer");
    assertEquals(0, reminderCount(leaver), "no reminder after unsubscribing");
    assertEquals(0, reminderCount(bounced), "no reminder to a bounced address");

    reminders.sendDue(invitedAt + 10 * WAIT.toMillis());
    assertEquals(1, reminderCount(silent), "at most verbatim.reminders.max (1) reminders");
    assertEquals(
        1L,
        ((Number)
                em.createNativeQuery(
                        "SELECT reminders_sent FROM svy_invitation WHERE contact_id = ?1")
                    .setParameter(1, ids.get(0))
                    .getSingleResult())
            .longValue(),
        "the invitation records the reminder");
  }

  @Test
  void noReminderCarriesALinkThatExpiresWithinADay() {
    String surveyId = publishedSurvey("Late reminder ", false);
    String email = email("late");
    String contactId = contacts.save(new ContactInput(email, "Customer", Map.of())).contact().id();
    distributions.send(surveyId, List.of(contactId));
    long invitedAt = invitedAt(contactId);

    reminders.sendDue(invitedAt + Duration.ofDays(29).plusHours(1).toMillis());
    assertEquals(0, reminderCount(email), "the 30-day link would be dead within a day");

    reminders.sendDue(invitedAt + WAIT.toMillis());
    assertEquals(1, reminderCount(email), "while the link works, the reminder goes out");
  }

  @Test
  void aRecipientRefusedAtSendTimeIsSuppressedAndItsInvitationMarkedBounced() {
    String surveyId = publishedSurvey("Refused ", false);
    String email = email("refused");
    String contactId = contacts.save(new ContactInput(email, "Customer", Map.of())).contact().id();
    distributions.send(surveyId, List.of(contactId));
    String messageId =
        (String)
            em.createNativeQuery("SELECT message_id FROM svy_invitation WHERE contact_id = ?1")
                .setParameter(1, contactId)
                .getSingleResult();

    // What the outbox drainer fires when the server answers 550 to RCPT TO.
    mailBounced.fire(new MailBounced(email, messageId, "550 5.1.1 User unknown"));

    assertEquals(
        "BOUNCED",
        em.createNativeQuery("SELECT reason FROM svy_suppression WHERE email_key = ?1")
            .setParameter(1, email.toLowerCase())
            .getSingleResult());
    assertTrue(
        em.createNativeQuery("SELECT bounced_at FROM svy_invitation WHERE contact_id = ?1")
                .setParameter(1, contactId)
                .getSingleResult()
            != null,
        "the invitation is marked bounced");
  }

  /** A published survey (NPS, and a comment when asked) whose comments have an owner to go to. */
  private String publishedSurvey(String titlePrefix, boolean withComment) {
    String owner = "owner-" + unique();
    staff.create(
        new NewStaffUser(
            owner, owner + "@example.test", "Owner", "password-" + owner, Set.of(Roles.OWNER)));
    followupSetup.setFallbackOwner(owner);
    List<QuestionDraft> questions = new ArrayList<>();
    questions.add(
        new QuestionDraft("score", "NPS", "How likely are you to recommend us?", true, null));
    if (withComment) {
      questions.add(new QuestionDraft("why", "TEXT", "Why?", false, null));
    }
    String surveyId =
        surveys
            .create(new SurveyDraft(titlePrefix + unique(), null, null, null, null, questions))
            .id();
    surveys.publish(surveyId);
    return surveyId;
  }

  private static String unique() {
    return Ids.newId().replace("-", "").substring(0, 10);
  }

  private static String email(String who) {
    return who + "-" + unique() + "@example.test";
  }

  private long invitedAt(String contactId) {
    return ((Number)
            em.createNativeQuery("SELECT created_at FROM svy_invitation WHERE contact_id = ?1")
                .setParameter(1, contactId)
                .getSingleResult())
        .longValue();
  }

  private String token(String email) {
    return firstLink(
        (String)
            em.createNativeQuery(
                    "SELECT text_body FROM plt_outbox WHERE kind = 'invitation' AND recipient = ?1"
                        + OUTBOX_READ)
                .setParameter(1, email)
                .getSingleResult());
  }

  private static String firstLink(String body) {
    Matcher link = SURVEY_LINK.matcher(body);
    assertTrue(link.find(), "a survey link in: " + body);
    return link.group(1);
  }

  private long reminderCount(String email) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM plt_outbox WHERE kind = 'reminder' AND recipient = ?1"
                        + OUTBOX_READ)
                .setParameter(1, email)
                .getSingleResult())
        .longValue();
  }

  private String reminderText(String email) {
    return (String)
        em.createNativeQuery(
                "SELECT text_body FROM plt_outbox WHERE kind = 'reminder' AND recipient = ?1"
                    + OUTBOX_READ)
            .setParameter(1, email)
            .getSingleResult();
  }
}
