package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.PublishPrecondition;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Creating and publishing surveys. */
@ApplicationScoped
public class SurveyService {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject Instance<PublishPrecondition> publishPreconditions;

  @Transactional
  public Survey create(SurveyDraft draft) {
    Survey survey = draft.toSurvey(clock.millis());
    em.persist(survey);
    return survey;
  }

  @Transactional
  public Survey publish(String surveyId) {
    Survey survey = find(surveyId);
    for (PublishPrecondition precondition : publishPreconditions) {
      precondition
          .blocksPublishing(surveyId)
          .ifPresent(
              reason -> {
                throw new StateConflictException(reason);
              });
    }
    survey.publish(clock.millis());
    return survey;
  }

  public Survey find(String surveyId) {
    Survey survey = surveyId == null ? null : em.find(Survey.class, surveyId);
    if (survey == null) {
      throw new ResourceNotFoundException("There is no survey with id " + surveyId + ".");
    }
    return survey;
  }

  public List<Survey> list() {
    return em.createQuery("SELECT s FROM Survey s ORDER BY s.createdAt DESC", Survey.class)
        .getResultList();
  }
}
