package it.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.followup.internal.application.CaseService;
import dev.verbatim.followup.internal.application.EscalationService;
import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.domain.CaseFilter;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.platform.api.AccessDeniedException;
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
import it.guarantee.EntityManagerForTests;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
 * Overdue cases escalate, inside the running application, with a clock the test moves forward (no
 * sleeping): past the due time the team lead is emailed, a second period later the program
 * managers, never the same level twice, each step in the case's audit trail. A case the owner
 * answered never escalates. Also: a team lead sees the cases of the team they lead, an owner of
 * another team does not.
 *
 * <p>Every test builds its own team, staff, survey and customer. Cases of other tests in the same
 * server may escalate too when the clock moves, so every assertion is about this test's case.
 */
@ExtendWith(ArquillianExtension.class)
class EscalationIT {
  /**
   * Read the outbox without row locks: a test's scan of plt_outbox otherwise can deadlock with the
   * running outbox drainer's lease update (Derby then kills the test's query).
   */
  // Derby's WITH UR reads past the drainer's row locks; PostgreSQL's reads never wait (no WITH UR).
  private static final String OUTBOX_READ =
      String.valueOf(System.getenv("VERBATIM_DB_URL")).startsWith("jdbc:postgresql:")
          ? ""
          : " WITH UR";

  private static final Pattern SURVEY_LINK = Pattern.compile("/s/([A-Za-z0-9_-]+)");

  /** The Arquillian server (src/test/liberty/config/server.xml). */
  /**
   * This server's own address (arquillian on 9181, arquillianpg on 9191). Read in the container
   * only: the test JVM loads this class too (for the deployment) and has no MicroProfile Config.
   */
  private static String baseUrl() {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getOptionalValue("verbatim.public.base-url", String.class)
        .orElse("http://localhost:9181");
  }

  private static final Duration HIGH_SLA = Duration.ofHours(24);

  @Deployment
  static WebArchive verbatimWithAnAdjustableClock() {
    File war = new File(System.getProperty("war.file", "target/verbatim.war"));
    return ShrinkWrap.create(ZipImporter.class, "verbatim.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addPackage(EscalationIT.class.getPackage())
        .addClass(EntityManagerForTests.class);
  }

  @Inject AdjustableClock clock;
  @Inject EscalationService escalation;
  @Inject CaseService cases;
  @Inject ResponseService responses;
  @Inject SurveyService surveys;
  @Inject ContactService contacts;
  @Inject DistributionService distributions;
  @Inject FollowupSetupService followupSetup;
  @Inject StaffDirectory staff;
  @Inject EntityManager em;

  @Test
  void anOverdueCaseGoesToTheTeamLeadThenToTheManagersAndNobodyIsMailedTwice() throws Exception {
    Team team = teamWithLead();
    StaffUser firstManager = newStaff("manager", Roles.MANAGER);
    StaffUser secondManager = newStaff("manager", Roles.MANAGER);
    String words = "Three weeks and my refund has not arrived. " + Ids.newId();
    String caseId = commentRoutedTo(team, 2, words);
    assertEquals("HIGH", column(caseId, "priority"), "a detractor's case is high priority");

    clock.advance(HIGH_SLA.minusMinutes(1));
    escalation.escalateOverdue();
    assertEquals(0, level(caseId), "within its 24 hours the case is not escalated");

    clock.advance(Duration.ofHours(3));
    escalation.escalateOverdue();

    assertEquals(1, level(caseId), "past its due time the case is escalated to level 1");
    assertEquals(1, escalationMails(caseId, team.lead()), "the team lead is emailed once");
    String mail = escalationMailText(caseId, team.lead());
    assertTrue(mail.contains(words), "the mail carries the customer's words: " + mail);
    assertTrue(mail.contains(team.member().displayName()), "the mail names the owner: " + mail);
    assertTrue(mail.contains("2 h 59 min late"), "the mail says how late the case is: " + mail);
    assertTrue(mail.contains("/app/cases/" + caseId), "the mail links to the case: " + mail);
    assertEquals(0, escalationMails(caseId, firstManager), "managers are not told at level 1");
    assertEquals(List.of("Level 1"), escalationAudit(caseId), "the audit trail records level 1");
    String inbox = pageAs(team.lead(), "/app/cases?scope=team");
    assertTrue(inbox.contains("Overdue (2 h 59 min late)"), "the lead's inbox marks it: " + inbox);
    assertTrue(inbox.contains("Escalated (level 1)"), "and shows it was escalated: " + inbox);

    escalation.escalateOverdue();
    clock.advance(Duration.ofHours(20));
    escalation.escalateOverdue();
    assertEquals(1, level(caseId), "before the second period ends the case stays at level 1");
    assertEquals(1, escalationMails(caseId, team.lead()), "the lead is not emailed again");

    clock.advance(Duration.ofHours(2));
    escalation.escalateOverdue();

    assertEquals(2, level(caseId), "still overdue a second 24 hours later: level 2");
    assertEquals(1, escalationMails(caseId, firstManager), "every active manager is emailed");
    assertEquals(1, escalationMails(caseId, secondManager), "every active manager is emailed");
    assertEquals(1, escalationMails(caseId, team.lead()), "the lead got only the first mail");
    assertEquals(List.of("Level 1", "Level 2"), escalationAudit(caseId));

    clock.advance(Duration.ofDays(7));
    escalation.escalateOverdue();
    escalation.escalateOverdue();

    assertEquals(2, level(caseId), "level 2 is the last");
    assertEquals(1, escalationMails(caseId, firstManager), "no manager is emailed twice");
    assertEquals(1, escalationMails(caseId, team.lead()), "the lead is never emailed twice");
    assertEquals(List.of("Level 1", "Level 2"), escalationAudit(caseId), "no duplicate audit");
  }

  @Test
  void aCaseWhoseTeamHasNoLeadGoesStraightToTheManagers() {
    StaffUser member = newStaff("owner", Roles.OWNER);
    Team team =
        new Team(
            followupSetup.createTeam(uniqueName("No lead"), List.of(member.username())).id(),
            member,
            null);
    StaffUser manager = newStaff("manager", Roles.MANAGER);
    String caseId = commentRoutedTo(team, 1, "Nobody ever called back. " + Ids.newId());

    clock.advance(HIGH_SLA.plusHours(1));
    escalation.escalateOverdue();

    assertEquals(1, level(caseId));
    assertEquals(1, escalationMails(caseId, manager), "without a lead, the managers are told");
  }

  @Test
  void aCaseTheOwnerAnsweredNeverEscalates() {
    Team team = teamWithLead();
    StaffUser manager = newStaff("manager", Roles.MANAGER);
    String caseId = commentRoutedTo(team, 0, "The app deleted my photos. " + Ids.newId());
    cases.reply(caseId, team.member(), "I am sorry; our engineers restored them this morning.");

    clock.advance(Duration.ofDays(10));
    escalation.escalateOverdue();

    assertEquals(0, level(caseId), "a replied case is not escalated");
    assertEquals(0, escalationMails(caseId, team.lead()));
    assertEquals(0, escalationMails(caseId, manager));
    assertEquals(List.of(), escalationAudit(caseId));
  }

  @Test
  void aTeamLeadSeesTheTeamsCasesAndAnOwnerOfAnotherTeamDoesNot() {
    Team team = teamWithLead();
    StaffUser outsider = newStaff("owner", Roles.OWNER);
    followupSetup.createTeam(uniqueName("Other team"), List.of(outsider.username()));
    String caseId = commentRoutedTo(team, 4, "The courier was rude. " + Ids.newId());
    CaseFilter teamCases =
        new CaseFilter(CaseFilter.Scope.TEAM, null, null, false, null, null, 1, 200);

    assertEquals(caseId, cases.get(caseId, team.lead()).id(), "the lead opens the case");
    assertTrue(
        cases.list(team.lead(), teamCases).stream().map(FollowupCase::id).toList().contains(caseId),
        "the case is in the lead's team list");
    assertThrows(
        AccessDeniedException.class,
        () -> cases.get(caseId, outsider),
        "an owner of another team may not open it");
    assertTrue(
        cases.list(outsider, new CaseFilter(null, null, null, false, null, null, 1, 200)).stream()
            .noneMatch(c -> c.id().equals(caseId)),
        "nor see it in any list");
  }

  /** A staff page as the user sees it after logging in over HTTP. */
  private static String pageAs(StaffUser user, String path) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + user.username()
                            + "\",\"password\":\""
                            + passwordOf(user)
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode(), "log in: " + login.body());
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), path);
    return page.body();
  }

  // ---- arrangement ----

  private record Team(String id, StaffUser member, StaffUser lead) {}

  /** A team of one owner, led by someone who is not a member. */
  private Team teamWithLead() {
    StaffUser member = newStaff("owner", Roles.OWNER);
    StaffUser lead = newStaff("lead", Roles.OWNER);
    String teamId = followupSetup.createTeam(uniqueName("Team"), List.of(member.username())).id();
    followupSetup.appointLead(teamId, lead.username());
    return new Team(teamId, member, lead);
  }

  private StaffUser newStaff(String prefix, String role) {
    String name = uniqueName(prefix).toLowerCase().replace(' ', '-');
    return staff.create(
        new NewStaffUser(
            name, name + "@example.test", "Staff " + name, passwordOfUsername(name), Set.of(role)));
  }

  private static String passwordOf(StaffUser user) {
    return passwordOfUsername(user.username());
  }

  private static String passwordOfUsername(String username) {
    return "password-" + username;
  }

  private static String uniqueName(String prefix) {
    return prefix + " " + Ids.newId().replace("-", "").substring(0, 10);
  }

  /** A customer answers a survey whose comments go to {@code team}; returns the one case's id. */
  private String commentRoutedTo(Team team, int score, String comment) {
    followupSetup.setFallbackOwner(team.member().username());
    String surveyId =
        surveys
            .create(
                new SurveyDraft(
                    uniqueName("Escalation"),
                    null,
                    null,
                    null,
                    null,
                    List.of(
                        new QuestionDraft(
                            "score", "NPS", "How likely are you to recommend us?", true, null),
                        new QuestionDraft(
                            "improve", "TEXT", "What should we improve?", false, null))))
            .id();
    followupSetup.setDefaultTeam(surveyId, team.id());
    surveys.publish(surveyId);
    String email = uniqueName("customer").replace(' ', '-') + "@example.test";
    String contactId = contacts.save(new ContactInput(email, "Customer", Map.of())).contact().id();
    distributions.send(surveyId, List.of(contactId));
    responses.submit(
        tokenFromInvitationMailTo(email),
        Map.of("score", String.valueOf(score), "improve", comment));
    return (String)
        em.createNativeQuery("SELECT id FROM fup_case WHERE survey_id = ?1")
            .setParameter(1, surveyId)
            .getSingleResult();
  }

  private String tokenFromInvitationMailTo(String email) {
    String body =
        (String)
            em.createNativeQuery(
                    "SELECT text_body FROM plt_outbox WHERE kind = 'invitation' AND recipient = ?1"
                        + OUTBOX_READ)
                .setParameter(1, email)
                .getSingleResult();
    Matcher link = SURVEY_LINK.matcher(body);
    assertTrue(link.find(), "the invitation mail contains a survey link: " + body);
    return link.group(1);
  }

  // ---- what the database holds ----

  private int level(String caseId) {
    return ((Number) column(caseId, "escalation_level")).intValue();
  }

  private Object column(String caseId, String column) {
    return em.createNativeQuery("SELECT " + column + " FROM fup_case WHERE id = ?1")
        .setParameter(1, caseId)
        .getSingleResult();
  }

  private long escalationMails(String caseId, StaffUser recipient) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM plt_outbox WHERE kind = 'escalation' AND recipient = ?1"
                        + " AND text_body LIKE ?2"
                        + OUTBOX_READ)
                .setParameter(1, recipient.email())
                .setParameter(2, "%/app/cases/" + caseId + "%")
                .getSingleResult())
        .longValue();
  }

  private String escalationMailText(String caseId, StaffUser recipient) {
    return (String)
        em.createNativeQuery(
                "SELECT text_body FROM plt_outbox WHERE kind = 'escalation' AND recipient = ?1"
                    + " AND text_body LIKE ?2"
                    + OUTBOX_READ)
            .setParameter(1, recipient.email())
            .setParameter(2, "%/app/cases/" + caseId + "%")
            .getSingleResult();
  }

  /** "Level n" of each ESCALATED event of the case, in order. */
  @SuppressWarnings("unchecked")
  private List<String> escalationAudit(String caseId) {
    List<String> details =
        em.createNativeQuery(
                "SELECT detail FROM fup_case_event WHERE case_id = ?1 AND kind = 'ESCALATED'"
                    + " ORDER BY occurred_at")
            .setParameter(1, caseId)
            .getResultList();
    return details.stream().map(d -> d.substring(0, d.indexOf(':'))).toList();
  }
}
