package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.Assignment;
import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseRouter;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.FollowupSettings;
import dev.verbatim.followup.internal.domain.SurveyRouting;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.followup.internal.infrastructure.OwnerNotificationMail;
import dev.verbatim.followup.internal.infrastructure.SlaSettings;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.AnswerView;
import dev.verbatim.survey.api.ResponseSubmitted;
import dev.verbatim.survey.api.ResponseView;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Opens one case per non-empty comment, inside the transaction that stores the response
 * (synchronous observer). If anything here fails, the response is not stored either. A case exists
 * from the moment the comment was submitted, so it takes the response's time.
 */
@ApplicationScoped
public class CaseOpener {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject SurveyDirectory surveys;
  @Inject StaffDirectory staff;
  @Inject Outbox outbox;
  @Inject OwnerNotificationMail notificationMail;
  @Inject CaseAudit audit;
  @Inject SlaSettings sla;

  void onResponse(@Observes ResponseSubmitted submitted) {
    ResponseView response =
        surveys
            .response(submitted.responseId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Submitted response " + submitted.responseId() + " not visible"));
    for (AnswerView comment : response.comments()) {
      Assignment assignment = route(submitted.surveyId());
      FollowupCase followupCase =
          new FollowupCase(
              Ids.newId(),
              response.id(),
              response.surveyId(),
              response.contact().id(),
              comment.questionKey(),
              comment.text(),
              response.npsScore().orElse(null),
              assignment,
              sla.policy(),
              submitted.submittedAt());
      em.persist(followupCase);
      em.flush(); // the audit row's foreign key needs the case row first
      audit.recordAt(
          followupCase.id(),
          null,
          CaseEvent.CREATED,
          "Routed to " + assignment.ownerId() + " by " + assignment.rule(),
          submitted.submittedAt());
      StaffUser owner = staff.findById(assignment.ownerId()).orElseThrow();
      outbox.enqueue(notificationMail.compose(followupCase, owner, response));
    }
  }

  private Assignment route(String surveyId) {
    Optional<Team> team =
        Optional.ofNullable(em.find(SurveyRouting.class, surveyId))
            .map(SurveyRouting::defaultTeamId)
            .map(teamId -> em.find(Team.class, teamId, LockModeType.PESSIMISTIC_WRITE));
    FollowupSettings settings = em.find(FollowupSettings.class, FollowupSettings.GLOBAL);
    return CaseRouter.route(
        team, Optional.ofNullable(settings.fallbackOwnerId()), this::canTakeCases);
  }

  private boolean canTakeCases(String userId) {
    return staff
        .findById(userId)
        .filter(StaffUser::active)
        .filter(u -> u.hasRole(Roles.OWNER))
        .isPresent();
  }
}
