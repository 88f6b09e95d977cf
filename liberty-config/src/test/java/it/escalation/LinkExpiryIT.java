package it.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.survey.internal.application.ContactService;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.domain.SurveyDraft.QuestionDraft;
import it.guarantee.EntityManagerForTests;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * A personal link works until {@code verbatim.links.expire-days} (30 by default) after its
 * invitation, then every way in (the page, a score clicked in the email, the API) answers 410 with
 * a friendly message and records nothing. The application's clock is moved forward, not waited for.
 */
@ExtendWith(ArquillianExtension.class)
class LinkExpiryIT {
  /**
   * Read the outbox without row locks: a test's scan of plt_outbox otherwise can deadlock with the
   * running outbox drainer's lease update (Derby then kills the test's query).
   */
  // Derby's WITH UR reads past the drainer's row locks; PostgreSQL's reads never wait (no WITH UR).
  private static final String OUTBOX_READ =
      String.valueOf(System.getenv("VERBATIM_DB_URL")).startsWith("jdbc:postgresql:")
          ? ""
          : " WITH UR";

  /**
   * This server's own address (arquillian on 9181, arquillianpg on 9191). Read in the container
   * only: the test JVM loads this class too (for the deployment) and has no MicroProfile Config.
   */
  private static String baseUrl() {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getOptionalValue("verbatim.public.base-url", String.class)
        .orElse("http://localhost:9181");
  }

  private static final Pattern SURVEY_LINK = Pattern.compile("/s/([A-Za-z0-9_-]{43})");

  @Deployment
  static WebArchive verbatimWithAnAdjustableClock() {
    File war = new File(System.getProperty("war.file", "target/verbatim.war"));
    return ShrinkWrap.create(ZipImporter.class, "verbatim.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClasses(LinkExpiryIT.class, AdjustableClock.class, EntityManagerForTests.class);
  }

  @Inject AdjustableClock clock;
  @Inject SurveyService surveys;
  @Inject ContactService contacts;
  @Inject DistributionService distributions;
  @Inject FollowupSetupService followupSetup;
  @Inject StaffDirectory staff;
  @Inject EntityManager em;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aLinkOlderThanThirtyDaysShowsTheExpiredPageAndRecordsNothing() throws Exception {
    String token = invite();
    assertEquals(200, get("/s/" + token).statusCode(), "a fresh link opens the survey");

    clock.advance(Duration.ofDays(30).minusMinutes(5));
    assertEquals(200, get("/s/" + token).statusCode(), "still open just before 30 days");

    clock.advance(Duration.ofMinutes(10));
    HttpResponse<String> page = get("/s/" + token);
    assertEquals(410, page.statusCode());
    assertTrue(page.body().contains("This link has expired"), page.body());
    assertTrue(!page.body().contains("Exception"), "no stack trace on the page");

    assertEquals(410, get("/s/" + token + "/answer/9").statusCode(), "a score clicked in the mail");
    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/respond/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":{\"score\":9}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(410, api.statusCode());
    assertTrue(
        api.headers().firstValue("Content-Type").orElse("").contains("problem+json"), api.body());

    assertEquals(
        0L,
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM svy_response r JOIN svy_invitation i"
                            + " ON r.invitation_id = i.id WHERE i.token_hash = ?1")
                    .setParameter(1, InvitationTokens.hash(token))
                    .getSingleResult())
            .longValue(),
        "nothing recorded through an expired link");
  }

  private String invite() {
    String owner = "owner-" + unique();
    staff.create(
        new NewStaffUser(
            owner, owner + "@example.test", "Owner", "password-" + owner, Set.of(Roles.OWNER)));
    followupSetup.setFallbackOwner(owner);
    String surveyId =
        surveys
            .create(
                new SurveyDraft(
                    "Expiry " + unique(),
                    null,
                    null,
                    null,
                    null,
                    List.of(
                        new QuestionDraft("score", "NPS", "How likely?", true, null),
                        new QuestionDraft("why", "TEXT", "Why?", false, null))))
            .id();
    surveys.publish(surveyId);
    String email = "expiry-" + unique() + "@example.test";
    String contactId = contacts.save(new ContactInput(email, "Customer", Map.of())).contact().id();
    distributions.send(surveyId, List.of(contactId));
    String body =
        (String)
            em.createNativeQuery(
                    "SELECT text_body FROM plt_outbox WHERE kind = 'invitation' AND recipient = ?1"
                        + OUTBOX_READ)
                .setParameter(1, email)
                .getSingleResult();
    Matcher link = SURVEY_LINK.matcher(body);
    assertTrue(link.find(), "a survey link in: " + body);
    return link.group(1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String unique() {
    return Ids.newId().replace("-", "").substring(0, 10);
  }
}
