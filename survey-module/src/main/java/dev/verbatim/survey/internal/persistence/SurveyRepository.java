package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Surveys with their versions. */
@ApplicationScoped
public class SurveyRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  public void add(Survey survey) {
    em.persist(survey);
  }

  /** Adds the survey and writes it at once (rows that reference it follow; no relationship). */
  public void addNow(Survey survey) {
    em.persist(survey);
    em.flush();
  }

  /** The survey, or null. */
  public Survey find(String surveyId) {
    return em.find(Survey.class, surveyId);
  }

  /** Every survey, newest first. */
  public List<Survey> all() {
    return em.createQuery("SELECT s FROM Survey s ORDER BY s.createdAt DESC", Survey.class)
        .getResultList();
  }
}
