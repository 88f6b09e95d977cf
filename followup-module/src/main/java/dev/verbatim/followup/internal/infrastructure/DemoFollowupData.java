package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.application.CaseAudit;
import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.followup.internal.persistence.RootCauseRepository;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo owners and case history (VERBATIM_DEMO=true): a manager and three owners (password {@value
 * #PASSWORD}), a team taking the demo survey's comments in turns, and, after the demo responses
 * exist, replies and closures in the past so every case state and the report have data.
 */
@ApplicationScoped
public class DemoFollowupData {
  private static final Logger LOG = Logger.getLogger(DemoFollowupData.class.getName());
  static final String PASSWORD = "verbatim-demo";
  private static final List<String> ROOT_CAUSES =
      List.of(
          "PRODUCT_DEFECT",
          "PRODUCT_DEFECT",
          "PRODUCT_DEFECT",
          "BILLING",
          "BILLING",
          "SUPPORT",
          "USABILITY",
          "MISSING_FEATURE",
          "PRAISE");

  @Inject
  @ConfigProperty(name = "verbatim.demo", defaultValue = "false")
  boolean demo;

  @Inject CaseRepository caseRepository;
  @Inject RootCauseRepository rootCauses;

  @Inject StaffDirectory staff;
  @Inject SurveyDirectory surveys;
  @Inject FollowupSetupService setup;
  @Inject Clock clock;
  @Inject CaseAudit audit;

  private String demoSurveyId;

  @Transactional
  void createOwners(@Observes @Priority(50) SchemaReady ready) {
    List<SurveySummary> all = surveys.surveys();
    if (!demo
        || all.size() != 1
        || !"DRAFT".equals(all.get(0).status())
        || staff.findByUsername("maria").isPresent()) {
      return;
    }
    demoSurveyId = all.get(0).id();
    staff.create(
        new NewStaffUser(
            "maria", "maria@example.com", "Maria Manager", PASSWORD, Set.of(Roles.MANAGER)));
    staff.create(
        new NewStaffUser(
            "olivia", "olivia@example.com", "Olivia Owner", PASSWORD, Set.of(Roles.OWNER)));
    staff.create(
        new NewStaffUser(
            "oscar", "oscar@example.com", "Oscar Owner", PASSWORD, Set.of(Roles.OWNER)));
    staff.create(
        new NewStaffUser(
            "omar", "omar@example.com", "Omar (fallback)", PASSWORD, Set.of(Roles.OWNER)));
    Team team = setup.createTeam("Customer Care", List.of("olivia", "oscar"));
    setup.appointLead(team.id(), "olivia"); // overdue cases of the team are escalated to her first
    setup.setDefaultTeam(demoSurveyId, team.id());
    setup.setFallbackOwner("omar");
    LOG.info(
        "Demo: users maria (manager), olivia (team lead), oscar, omar (owners); password '"
            + PASSWORD
            + "'");
  }

  @Transactional
  void writeCaseHistory(@Observes @Priority(70) SchemaReady ready) {
    if (demoSurveyId == null) {
      return;
    }
    Random random = new Random(11);
    List<FollowupCase> cases = caseRepository.ofSurvey(demoSurveyId);
    long now = clock.millis();
    int replied = 0;
    int closed = 0;
    for (FollowupCase c : cases) {
      boolean recent = c.createdAt() > now - Duration.ofDays(2).toMillis();
      if (recent || random.nextDouble() < 0.2) {
        continue; // still waiting for a reply
      }
      long replyAt = c.createdAt() + Duration.ofMinutes(20 + random.nextInt(60 * 40)).toMillis();
      String text =
          "Hi, thank you for telling us. "
              + (c.score() != null && c.score() <= 6
                  ? "I am sorry about this. I have looked into it and we are on it; I will write again when it is fixed."
                  : "It is great to hear, and I have shared your words with the team.");
      c.reply(text, replyAt);
      caseRepository.addMessage(
          new CaseMessage(Ids.newId(), c.id(), CaseMessage.OUT, c.ownerId(), text, null, replyAt));
      audit.recordAt(c.id(), c.ownerId(), CaseEvent.REPLIED, null, replyAt);
      replied++;
      if (random.nextDouble() < 0.7) {
        String code =
            c.score() != null && c.score() >= 9
                ? "PRAISE"
                : ROOT_CAUSES.get(random.nextInt(ROOT_CAUSES.size() - 1));
        long closedAt =
            Math.min(now, replyAt + Duration.ofHours(1 + random.nextInt(48)).toMillis());
        c.close(rootCauses.find(code), "Answered the customer.", closedAt);
        audit.recordAt(c.id(), c.ownerId(), CaseEvent.CLOSED, code, closedAt);
        closed++;
      }
    }
    long open = cases.stream().filter(c -> c.status() == CaseStatus.OPEN).count();
    LOG.info(
        "Demo: "
            + cases.size()
            + " cases, "
            + replied
            + " replied, "
            + closed
            + " closed, "
            + open
            + " open");
  }
}
