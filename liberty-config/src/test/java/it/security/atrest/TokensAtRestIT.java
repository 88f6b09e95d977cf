package it.security.atrest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.followup.internal.application.CaseService;
import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.domain.ReplyTokens;
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
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.domain.SurveyDraft.QuestionDraft;
import it.guarantee.EntityManagerForTests;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.util.Arrays;
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
 * What the database keeps of the secrets in customers' mail: the personal survey link's token and
 * the case's reply address token are stored only as hashes, so a copy of the database opens no
 * survey and receives no customer's answer. Read in-container, straight from the tables.
 */
@ExtendWith(ArquillianExtension.class)
class TokensAtRestIT {
  private static final Pattern SURVEY_LINK = Pattern.compile("/s/([A-Za-z0-9_-]+)");
  private static final Pattern REPLY_ADDRESS = Pattern.compile("reply\\+([0-9a-f]+)@");
  // Derby's WITH UR reads past the drainer's row locks; PostgreSQL's reads never wait (no WITH UR).
  private static final String NO_LOCKS =
      String.valueOf(System.getenv("VERBATIM_DB_URL")).startsWith("jdbc:postgresql:")
          ? ""
          : " WITH UR";

  @Deployment
  static WebArchive verbatim() {
    File war = new File(System.getProperty("war.file", "target/verbatim.war"));
    return ShrinkWrap.create(ZipImporter.class, "verbatim.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClass(TokensAtRestIT.class)
        .addClass(EntityManagerForTests.class);
  }

  @Inject CaseService cases;
  @Inject ResponseService responses;
  @Inject SurveyService surveys;
  @Inject ContactService contacts;
  @Inject DistributionService distributions;
  @Inject FollowupSetupService followupSetup;
  @Inject StaffDirectory staff;
  @Inject EntityManager em;

  @Test
  void theInvitationKeepsOnlyTheHashOfTheLinksToken() {
    String email = unique("link").replace(' ', '-') + "@example.test";
    String surveyId = publishedSurvey();
    String contactId = contacts.save(new ContactInput(email, "Link", Map.of())).contact().id();
    distributions.send(surveyId, List.of(contactId));
    String token = find(SURVEY_LINK, outboxText("invitation", email));

    assertTrue(token.length() >= 22, "at least 128 bits in base64url: " + token);
    Object[] row =
        (Object[])
            em.createNativeQuery("SELECT * FROM svy_invitation WHERE contact_id = ?1")
                .setParameter(1, contactId)
                .getSingleResult();
    assertEquals(
        InvitationTokens.hash(token),
        em.createNativeQuery("SELECT token_hash FROM svy_invitation WHERE contact_id = ?1")
            .setParameter(1, contactId)
            .getSingleResult());
    assertFalse(Arrays.toString(row).contains(token), "no column holds the token: " + row);
  }

  @Test
  void theCaseKeepsOnlyTheHashOfItsReplyAddressToken() {
    StaffUser owner = newOwner();
    String email = unique("reply").replace(' ', '-') + "@example.test";
    String caseId = caseOfACommentFrom(email, owner);

    cases.reply(caseId, owner, "Thank you, we are on it.");
    cases.reply(caseId, owner, "It is fixed now.");

    List<?> replyTos =
        em.createNativeQuery(
                "SELECT reply_to FROM plt_outbox WHERE kind = 'customer-reply' AND recipient = ?1"
                    + NO_LOCKS)
            .setParameter(1, email)
            .getResultList();
    assertEquals(2, replyTos.size());
    String token = find(REPLY_ADDRESS, replyTos.get(0).toString());
    assertEquals(
        token,
        find(REPLY_ADDRESS, replyTos.get(1).toString()),
        "both replies carry the same address");
    assertEquals(32, token.length(), "128 bits in hex: " + token);
    Object[] row =
        (Object[])
            em.createNativeQuery("SELECT * FROM fup_case WHERE id = ?1")
                .setParameter(1, caseId)
                .getSingleResult();
    assertEquals(
        ReplyTokens.hash(token),
        em.createNativeQuery("SELECT reply_token FROM fup_case WHERE id = ?1")
            .setParameter(1, caseId)
            .getSingleResult());
    assertFalse(Arrays.toString(row).contains(token), "no column holds the token");
  }

  // ---- arrangement

  private String caseOfACommentFrom(String email, StaffUser owner) {
    String teamId = followupSetup.createTeam(unique("Team"), List.of(owner.username())).id();
    followupSetup.setFallbackOwner(owner.username());
    String surveyId = publishedSurvey(teamId);
    String contactId = contacts.save(new ContactInput(email, "Rae Ply", Map.of())).contact().id();
    distributions.send(surveyId, List.of(contactId));
    responses.submit(
        find(SURVEY_LINK, outboxText("invitation", email)),
        Map.of("score", "3", "improve", "Tokens must be safe " + Ids.newId()));
    return (String)
        em.createNativeQuery("SELECT id FROM fup_case WHERE survey_id = ?1")
            .setParameter(1, surveyId)
            .getSingleResult();
  }

  private String publishedSurvey() {
    StaffUser owner = newOwner();
    followupSetup.setFallbackOwner(owner.username());
    return publishedSurvey(null);
  }

  private String publishedSurvey(String teamId) {
    String surveyId =
        surveys
            .create(
                new SurveyDraft(
                    unique("Tokens"),
                    null,
                    null,
                    null,
                    null,
                    List.of(
                        new QuestionDraft("score", "NPS", "How likely are you?", true, null),
                        new QuestionDraft("improve", "TEXT", "What should we do?", false, null))))
            .id();
    if (teamId != null) {
      followupSetup.setDefaultTeam(surveyId, teamId);
    }
    surveys.publish(surveyId);
    return surveyId;
  }

  private StaffUser newOwner() {
    String name = unique("owner").toLowerCase().replace(' ', '-');
    return staff.create(
        new NewStaffUser(
            name,
            name + "@example.test",
            "Owner " + name,
            "password-" + name,
            Set.of(Roles.OWNER)));
  }

  private String outboxText(String kind, String recipient) {
    Object body =
        em.createNativeQuery(
                "SELECT text_body FROM plt_outbox WHERE kind = ?1 AND recipient = ?2" + NO_LOCKS)
            .setParameter(1, kind)
            .setParameter(2, recipient)
            .getSingleResult();
    assertNotNull(body);
    return body.toString();
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), pattern + " in " + text);
    return m.group(1);
  }

  private static String unique(String prefix) {
    return prefix + " " + Ids.newId().replace("-", "").substring(0, 10);
  }
}
