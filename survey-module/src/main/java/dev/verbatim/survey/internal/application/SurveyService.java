package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.PublishPrecondition;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.persistence.SurveyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Designing surveys: create, edit (a published survey gets a new draft version), publish (with the
 * brevity guard and its recorded override), close.
 */
@ApplicationScoped
public class SurveyService {
  @Inject SurveyRepository surveys;

  @Inject Clock clock;
  @Inject Instance<PublishPrecondition> publishPreconditions;

  @Transactional
  public Survey create(SurveyDraft draft) {
    Survey survey = draft.toSurvey(clock.millis());
    surveys.add(survey);
    return survey;
  }

  /** Saves the content into the pending draft version, or starts the next version. */
  @Transactional
  public Survey saveDraft(String surveyId, SurveyDraft draft) {
    Survey survey = find(surveyId);
    survey.saveDraft(draft, clock.millis());
    return survey;
  }

  @Transactional
  public Survey publish(String surveyId) {
    return publish(surveyId, null);
  }

  /**
   * @param overriddenBy the manager who explicitly accepts a survey longer than the brevity rule
   *     allows (recorded on the version), or null
   */
  @Transactional
  public Survey publish(String surveyId, String overriddenBy) {
    Survey survey = find(surveyId);
    for (PublishPrecondition precondition : publishPreconditions) {
      precondition
          .blocksPublishing(surveyId)
          .ifPresent(
              reason -> {
                throw new StateConflictException(reason);
              });
    }
    survey.publish(clock.millis(), overriddenBy);
    return survey;
  }

  @Transactional
  public Survey close(String surveyId) {
    Survey survey = find(surveyId);
    survey.close();
    return survey;
  }

  public Survey find(String surveyId) {
    Survey survey = surveyId == null ? null : surveys.find(surveyId);
    if (survey == null) {
      throw new ResourceNotFoundException("There is no survey with id " + surveyId + ".");
    }
    return survey;
  }

  public List<Survey> list() {
    return surveys.all();
  }
}
