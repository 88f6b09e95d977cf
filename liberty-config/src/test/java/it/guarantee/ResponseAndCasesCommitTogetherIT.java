package it.guarantee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.domain.Assignment;
import dev.verbatim.followup.internal.domain.CaseRouter.NoOwnerAvailableException;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.internal.application.ContactService;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.ResponseService;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.domain.SurveyDraft.QuestionDraft;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The guarantee between survey and follow-up, checked inside the running application: a response
 * and the cases opened for its comments (with their owner notifications) commit together or not at
 * all, and when they do not, the customer's link still works for another try.
 *
 * <p>Runs in the Liberty server "arquillian" (src/test/liberty/config, in-memory Derby, mail kept
 * by the catcher) against the packaged WAR plus the classes of this package. Every test builds its
 * own owner, survey and customer, and makes its owner the global fallback owner before publishing.
 */
@ExtendWith(ArquillianExtension.class)
class ResponseAndCasesCommitTogetherIT {
  private static final Pattern SURVEY_LINK = Pattern.compile("/s/([A-Za-z0-9_-]+)");

  @Deployment
  static WebArchive verbatimWithTheseTests() {
    File war = new File(System.getProperty("war.file", "target/verbatim.war"));
    return ShrinkWrap.create(ZipImporter.class, "verbatim.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addPackage(ResponseAndCasesCommitTogetherIT.class.getPackage());
  }

  @Inject ResponseService responses;
  @Inject SurveyService surveys;
  @Inject ContactService contacts;
  @Inject DistributionService distributions;
  @Inject FollowupSetupService followupSetup;
  @Inject StaffDirectory staff;
  @Inject EntityManager em;
  @Inject UserTransaction tx;
  @Inject FailsAfterCasesWereOpened failingObserver;

  @Test
  void aResponseWithACommentIsStoredWithOneOwnedCaseAndTheOwnerIsNotified() {
    Invited invited = invitedToAPublishedSurvey();

    responses.submit(
        invited.token(),
        Map.of("score", "3", "improve", "The invoice arrived twice.", "anything_else", " "));

    assertEquals(1, responsesTo(invited), "responses stored for the invitation");
    assertTrue(isAnswered(invited), "the invitation is answered");
    List<Object[]> cases = casesOf(invited);
    assertEquals(1, cases.size(), "one case per non-empty comment (the blank one opens none)");
    assertEquals("improve", cases.get(0)[0], "the case is about the commented question");
    assertEquals(invited.owner().id(), cases.get(0)[1], "the fallback owner owns the case");
    assertEquals(
        Assignment.FALLBACK, cases.get(0)[2], "no survey team, so the fallback owner took it");
    assertEquals(
        1,
        ownerNotificationsTo(invited.owner()),
        "the owner's notification is queued in the outbox");
  }

  @Test
  void whenCaseCreationFailsNeitherTheResponseNorAnyCaseIsStoredAndTheSameLinkWorksAgain()
      throws Exception {
    Invited invited = invitedToAPublishedSurvey();
    setOwnerActive(invited.owner(), false); // after publishing: now nobody can take a comment
    long casesBefore = count("SELECT COUNT(*) FROM fup_case");
    long outboxBefore = count("SELECT COUNT(*) FROM plt_outbox");
    Map<String, String> answers =
        Map.of(
            "score", "2", "improve", "Nobody called me back.", "anything_else", "Really nobody.");

    assertThrows(NoOwnerAvailableException.class, () -> responses.submit(invited.token(), answers));

    assertEquals(0, responsesTo(invited), "no response stored for the invitation");
    assertEquals(
        0,
        count("SELECT COUNT(*) FROM svy_answer WHERE survey_id = ?1", invited.surveyId()),
        "no answers stored");
    assertEquals(0, casesOf(invited).size(), "no case stored for the survey");
    assertEquals(casesBefore, count("SELECT COUNT(*) FROM fup_case"), "no case stored anywhere");
    assertEquals(0, ownerNotificationsTo(invited.owner()), "no owner notification queued");
    assertEquals(
        outboxBefore, count("SELECT COUNT(*) FROM plt_outbox"), "no mail of any kind queued");
    assertFalse(
        isAnswered(invited), "the invitation is still unanswered, so the customer can retry");

    setOwnerActive(invited.owner(), true);
    responses.submit(invited.token(), answers);

    assertEquals(1, responsesTo(invited), "the retry through the same link is stored");
    assertTrue(isAnswered(invited), "the invitation is answered after the retry");
    assertEquals(2, casesOf(invited).size(), "one case per comment after the retry");
    casesOf(invited)
        .forEach(
            c -> assertEquals(invited.owner().id(), c[1], "every case has the restored owner"));
    assertEquals(
        2,
        ownerNotificationsTo(invited.owner()),
        "one owner notification per case after the retry");
  }

  @Test
  void whenCaseCreationFailsTheCustomerSeesTheirAnswersAgainWithARequestToRetry() throws Exception {
    Invited invited = invitedToAPublishedSurvey();
    setOwnerActive(invited.owner(), false);
    String form =
        "a_score=2&a_improve="
            + URLEncoder.encode("Nobody called me back & I waited.", StandardCharsets.UTF_8);

    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                    .getOptionalValue("verbatim.public.base-url", String.class)
                                    .orElse("http://localhost:9181")
                                + "/s/"
                                + invited.token()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(503, page.statusCode(), "the page says the answers were not saved");
    assertTrue(
        page.body().contains("could not save your answers"), "the customer is asked to retry");
    assertTrue(
        page.body().contains("Nobody called me back &amp; I waited.</textarea>"),
        "what the customer typed is still in the form");
    assertTrue(page.body().contains("value=\"2\" checked"), "the chosen score is still selected");
    assertFalse(page.body().contains("Exception"), "no stack trace reaches the customer");
    assertEquals(0, responsesTo(invited), "nothing was stored");
    setOwnerActive(invited.owner(), true);
  }

  @Test
  void whenAnotherObserverFailsAfterTheCasesWereOpenedTheCasesAreRolledBackWithTheResponse() {
    Invited invited = invitedToAPublishedSurvey();
    failingObserver.reset();
    Map<String, String> answers =
        Map.of(
            "score",
            "9",
            "improve",
            "Great, but " + FailsAfterCasesWereOpened.MARKER,
            "anything_else",
            "Keep it up.");

    assertThrows(
        FailsAfterCasesWereOpened.SimulatedFailure.class,
        () -> responses.submit(invited.token(), answers));

    assertEquals(
        2,
        failingObserver.casesSeenBeforeFailing(),
        "both cases existed in the transaction when it failed");
    assertEquals(0, responsesTo(invited), "no response stored for the invitation");
    assertEquals(
        0, casesOf(invited).size(), "the cases already written were rolled back with the response");
    assertEquals(
        0, ownerNotificationsTo(invited.owner()), "their owner notifications were rolled back too");
    assertFalse(isAnswered(invited), "the invitation is still unanswered");
  }

  // ---- arrangement ----

  /**
   * A customer invited to a freshly published survey whose comments go to a fresh fallback owner.
   */
  private record Invited(String surveyId, String invitationId, String token, StaffUser owner) {}

  private Invited invitedToAPublishedSurvey() {
    String tag = Ids.newId().replace("-", "").substring(0, 12);
    StaffUser owner =
        staff.create(
            new NewStaffUser(
                "owner-" + tag,
                "owner-" + tag + "@example.test",
                "Owner " + tag,
                "owner-password-" + tag,
                Set.of(Roles.OWNER)));
    followupSetup.setFallbackOwner(owner.username());
    String surveyId =
        surveys
            .create(
                new SurveyDraft(
                    "Guarantee " + tag,
                    null,
                    null,
                    null,
                    null,
                    List.of(
                        new QuestionDraft(
                            "score", "NPS", "How likely are you to recommend us?", true, null),
                        new QuestionDraft(
                            "improve", "TEXT", "What should we improve?", false, null),
                        new QuestionDraft("anything_else", "TEXT", "Anything else?", false, null))))
            .id();
    surveys.publish(surveyId);
    String customerEmail = "customer-" + tag + "@example.test";
    String contactId =
        contacts.save(new ContactInput(customerEmail, "Customer " + tag, Map.of())).contact().id();
    distributions.send(surveyId, List.of(contactId));
    String invitationId =
        (String)
            em.createNativeQuery(
                    "SELECT id FROM svy_invitation WHERE survey_id = ?1 AND contact_id = ?2")
                .setParameter(1, surveyId)
                .setParameter(2, contactId)
                .getSingleResult();
    return new Invited(surveyId, invitationId, tokenFromInvitationMailTo(customerEmail), owner);
  }

  /**
   * The customer's token, read the way the customer gets it: from the link in the invitation mail.
   */
  private String tokenFromInvitationMailTo(String email) {
    String body =
        (String)
            em.createNativeQuery(
                    "SELECT text_body FROM plt_outbox WHERE kind = 'invitation' AND recipient = ?1")
                .setParameter(1, email)
                .getSingleResult();
    Matcher link = SURVEY_LINK.matcher(body);
    assertTrue(link.find(), "the invitation mail contains a survey link: " + body);
    return link.group(1);
  }

  /** Deactivates or reactivates a staff user in a transaction of its own, as an admin would. */
  private void setOwnerActive(StaffUser owner, boolean active) throws Exception {
    tx.begin();
    boolean committed = false;
    try {
      int updated =
          em.createNativeQuery("UPDATE plt_staff_user SET active = ?1 WHERE id = ?2")
              .setParameter(1, active)
              .setParameter(2, owner.id())
              .executeUpdate();
      assertEquals(1, updated, "staff user updated");
      tx.commit();
      committed = true;
    } finally {
      if (!committed && tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
    }
    assertEquals(
        active,
        staff.findById(owner.id()).orElseThrow().active(),
        "the owner's active flag as the application sees it");
  }

  // ---- what the database holds ----

  private long responsesTo(Invited invited) {
    return count(
        "SELECT COUNT(*) FROM svy_response WHERE invitation_id = ?1", invited.invitationId());
  }

  private boolean isAnswered(Invited invited) {
    Object answeredAt =
        em.createNativeQuery("SELECT answered_at FROM svy_invitation WHERE id = ?1")
            .setParameter(1, invited.invitationId())
            .getSingleResult();
    return answeredAt != null;
  }

  /** question_key, owner_id, routed_by of each case opened for the survey. */
  @SuppressWarnings("unchecked")
  private List<Object[]> casesOf(Invited invited) {
    return em.createNativeQuery(
            "SELECT question_key, owner_id, routed_by FROM fup_case WHERE survey_id = ?1 ORDER BY"
                + " question_key")
        .setParameter(1, invited.surveyId())
        .getResultList();
  }

  private long ownerNotificationsTo(StaffUser owner) {
    return count(
        "SELECT COUNT(*) FROM plt_outbox WHERE kind = 'owner-notification' AND recipient = ?1",
        owner.email());
  }

  private long count(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    Object result = query.getSingleResult();
    assertNotNull(result, sql);
    return ((Number) result).longValue();
  }
}
