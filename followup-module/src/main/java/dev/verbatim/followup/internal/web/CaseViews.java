package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.CaseService;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Assembles {@link CaseJson} from the case and what other modules know about its survey, customer
 * and owner.
 */
@ApplicationScoped
public class CaseViews {
  @Inject CaseService cases;
  @Inject SurveyDirectory surveys;
  @Inject StaffDirectory staff;
  @Inject Clock clock;

  CaseJson summary(FollowupCase c) {
    return CaseJson.of(
        c,
        surveyTitle(c),
        surveys.contact(c.contactId()).orElse(null),
        owner(c),
        java.util.List.of(),
        java.util.List.of(),
        clock.millis());
  }

  CaseJson full(FollowupCase c) {
    return CaseJson.of(
        c,
        surveyTitle(c),
        surveys.contact(c.contactId()).orElse(null),
        owner(c),
        cases.messages(c.id()),
        cases.trail(c.id()).stream()
            .map(
                e ->
                    new CaseJson.Event(
                        e.at(), cases.displayName(e.actorId()), e.kind(), e.detail()))
            .toList(),
        clock.millis());
  }

  String surveyTitle(FollowupCase c) {
    return surveys.survey(c.surveyId()).map(SurveySummary::title).orElse("(deleted survey)");
  }

  CaseJson.Owner owner(FollowupCase c) {
    return new CaseJson.Owner(
        c.ownerId(), staff.findById(c.ownerId()).map(StaffUser::displayName).orElse("(unknown)"));
  }
}
