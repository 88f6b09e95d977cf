package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.Assignment;
import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseRouter;
import dev.verbatim.followup.internal.domain.CommentFacts;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.RoutingDecision;
import dev.verbatim.followup.internal.domain.RoutingStep;
import dev.verbatim.followup.internal.infrastructure.OwnerNotificationMail;
import dev.verbatim.followup.internal.infrastructure.SlaSettings;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.AnswerView;
import dev.verbatim.survey.api.ResponseSubmitted;
import dev.verbatim.survey.api.ResponseView;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Opens one case per non-empty comment, inside the transaction that stores the response
 * (synchronous observer). If anything here fails, the response is not stored either. A case exists
 * from the moment the comment was submitted, so it takes the response's time.
 */
@ApplicationScoped
public class CaseOpener {
  @Inject CaseRepository cases;

  @Inject SurveyDirectory surveys;
  @Inject StaffDirectory staff;
  @Inject Outbox outbox;
  @Inject OwnerNotificationMail notificationMail;
  @Inject CaseAudit audit;
  @Inject RoutingInputs routing;
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
      RoutingDecision decision = route(response, comment);
      Assignment assignment = decision.assignment().orElseThrow();
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
      cases.add(followupCase);
      cases.flush(); // the audit row's foreign key needs the case row first
      audit.recordAt(
          followupCase.id(),
          null,
          CaseEvent.CREATED,
          "Routed by " + explain(decision),
          submitted.submittedAt());
      StaffUser owner = staff.findById(assignment.ownerId()).orElseThrow();
      outbox.enqueue(notificationMail.compose(followupCase, owner, response));
    }
  }

  private RoutingDecision route(ResponseView response, AnswerView comment) {
    return CaseRouter.route(
        routing.inputFor(
            new CommentFacts(
                response.surveyId(),
                comment.questionKey(),
                response.npsScore().orElse(null),
                comment.text(),
                response.contact().attributes()),
            true));
  }

  private static String explain(RoutingDecision decision) {
    RoutingStep decided = decision.steps().get(decision.steps().size() - 1);
    return decided.step() + " " + decided.reason();
  }
}
