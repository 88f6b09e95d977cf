package dev.verbatim.survey.internal.infrastructure;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ModuleEvents;
import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.survey.api.InvitationCreated;
import dev.verbatim.survey.internal.application.ResponseService;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Distribution;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.persistence.ContactRepository;
import dev.verbatim.survey.internal.persistence.DistributionRepository;
import dev.verbatim.survey.internal.persistence.InvitationRepository;
import dev.verbatim.survey.internal.persistence.SurveyRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo data (VERBATIM_DEMO=true, empty database only): 300 contacts, a published relationship
 * survey and about 230 responses over the last four weeks. Responses go through the real {@link
 * ResponseService}, so their comments become cases exactly as in production. Step 1 (priority 40)
 * runs before follow-up sets up owners; step 2 (priority 60) after.
 */
@ApplicationScoped
public class DemoSurveyData {
  private static final Logger LOG = Logger.getLogger(DemoSurveyData.class.getName());
  static final int CONTACTS = 300;
  private static final String[] REGIONS = {"EMEA", "AMER", "APAC"};
  private static final String[] PLANS = {"free", "pro", "enterprise"};
  private static final String[] FIRST = {
    "Ann", "Bob", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena",
    "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera", "Wen",
    "Yusuf", "Zoe"
  };
  private static final String[] LAST = {
    "Berg", "Costa", "Diaz", "Eklund", "Fischer", "Garcia", "Haddad", "Ito", "Jansen", "Kim",
    "Lopez", "Moreau", "Nowak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber", "Young"
  };
  static final List<String> DETRACTOR_COMMENTS =
      List.of(
          "Exporting reports is painfully slow, it times out with more than a few thousand rows.",
          "I was charged twice this month and nobody answered my ticket.",
          "The mobile app logs me out every day.",
          "Support took four days to reply.",
          "Report export keeps timing out. I have to split it by month.",
          "Billing is confusing: the invoice does not match the plan I chose.",
          "The new navigation hides the settings I use every day.",
          "Slow, slow, slow. The dashboard takes ages to load in the morning.",
          "Double charge again on my card. Please fix billing.",
          "Export to CSV broke the accents in customer names.");
  static final List<String> PASSIVE_COMMENTS =
      List.of(
          "Does the job, but the reports could load faster.",
          "Good product, pricing is a bit steep for small teams.",
          "Fine overall. I miss a dark mode.",
          "OK, but onboarding my colleagues took longer than expected.",
          "Works well, the export is slow though.");
  static final List<String> PROMOTER_COMMENTS =
      List.of(
          "Olivia from support solved my problem in ten minutes. Thank you!",
          "Love how quickly I can see what my customers say.",
          "Reliable and simple. The team answers fast.",
          "Best tool we adopted this year.",
          "The weekly summary saves me an hour every Monday.");

  @Inject
  @ConfigProperty(name = "verbatim.demo", defaultValue = "false")
  boolean demo;

  @Inject SurveyRepository surveyRows;
  @Inject DistributionRepository distributionRows;
  @Inject ContactRepository contactRows;
  @Inject InvitationRepository invitationRows;

  @Inject SurveyService surveys;
  @Inject ResponseService responses;
  @Inject Clock clock;
  @Inject ModuleEvents events;

  private String seededSurveyId;

  @Transactional
  void createSurveyAndContacts(@Observes @Priority(40) SchemaReady ready) {
    if (!demo || !surveys.list().isEmpty()) {
      return;
    }
    Random random = new Random(42);
    long now = clock.millis();
    Survey survey =
        new SurveyDraft(
                "Customer relationship survey",
                "Two quick questions about your experience with Acme Cloud.",
                "Thank you! Everyone who leaves a comment hears back from a real person.",
                null,
                null,
                List.of(
                    new SurveyDraft.QuestionDraft(
                        "recommend",
                        "NPS",
                        "How likely are you to recommend Acme Cloud to a friend or colleague?",
                        true,
                        null),
                    new SurveyDraft.QuestionDraft(
                        "reason", "TEXT", "What is the main reason for your score?", false, null)))
            .toSurvey(now - Duration.ofDays(30).toMillis());
    // no JPA relationship tells EclipseLink the survey row must exist before its distribution
    surveyRows.addNow(survey);
    Distribution distribution =
        new Distribution(Ids.newId(), survey.id(), now - Duration.ofDays(28).toMillis());
    distributionRows.addNow(distribution);
    for (int i = 0; i < CONTACTS; i++) {
      String first = FIRST[i % FIRST.length];
      String last = LAST[(i / FIRST.length) % LAST.length];
      Map<String, String> attributes = new HashMap<>();
      attributes.put("region", REGIONS[random.nextInt(REGIONS.length)]);
      attributes.put("plan", PLANS[random.nextInt(PLANS.length)]);
      Contact contact =
          new Contact(
              Ids.newId(),
              (first + "." + last + i).toLowerCase() + "@example.com",
              first + " " + last,
              attributes,
              now - Duration.ofDays(29).toMillis());
      contactRows.addNow(contact);
      Invitation invitation =
          new Invitation(
              Ids.newId(),
              survey.id(),
              distribution.id(),
              contact.id(),
              InvitationTokens.hash(InvitationTokens.newToken()),
              now - Duration.ofDays(28).toMillis());
      invitationRows.add(invitation);
      events.publish(
          InvitationCreated.TYPE,
          invitation.id(),
          new InvitationCreated(
              invitation.id(),
              survey.id(),
              contact.id(),
              invitation.createdAt(),
              contact.attributes()));
    }
    distribution.count(CONTACTS, 0);
    seededSurveyId = survey.id();
    LOG.info("Demo: created " + CONTACTS + " contacts and the survey '" + survey.title() + "'");
  }

  void answerSurvey(@Observes @Priority(60) SchemaReady ready) {
    if (seededSurveyId == null) {
      return;
    }
    Survey survey = surveys.publish(seededSurveyId);
    List<Invitation> invitations = invitationRows.ofSurvey(survey.id());
    Random random = new Random(7);
    long now = clock.millis();
    int answered = 0;
    for (Invitation invitation : invitations) {
      if (random.nextDouble() > 0.77) {
        continue;
      }
      int score = score(random);
      Map<String, String> answers = new HashMap<>();
      answers.put("recommend", String.valueOf(score));
      if (random.nextDouble() < 0.62) {
        List<String> pool =
            score <= 6 ? DETRACTOR_COMMENTS : score <= 8 ? PASSIVE_COMMENTS : PROMOTER_COMMENTS;
        answers.put("reason", pool.get(random.nextInt(pool.size())));
      }
      long at =
          now
              - Duration.ofDays(27).toMillis()
              + (long) (random.nextDouble() * Duration.ofDays(26).toMillis());
      responses.record(
          new ResponseService.Respondent(
              invitation, survey, contactRows.find(invitation.contactId())),
          answers,
          at);
      answered++;
    }
    LOG.info("Demo: recorded " + answered + " responses");
  }

  /** Roughly 45 % promoters, 30 % passives, 25 % detractors. */
  private static int score(Random random) {
    double r = random.nextDouble();
    if (r < 0.25) {
      return random.nextInt(7);
    }
    return r < 0.55 ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
  }
}
