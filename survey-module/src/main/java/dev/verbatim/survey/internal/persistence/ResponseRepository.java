package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Survey responses, complete or partial (one per invitation). */
@ApplicationScoped
public class ResponseRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** The response to the invitation, if any (partial or complete). */
  public Optional<SurveyResponse> ofInvitation(String invitationId) {
    return em.createQuery(
            "SELECT r FROM SurveyResponse r WHERE r.invitationId = :i", SurveyResponse.class)
        .setParameter("i", invitationId)
        .getResultStream()
        .findFirst();
  }

  public void add(SurveyResponse response) {
    em.persist(response);
  }

  /** The response in this persistence context (a copy read earlier becomes managed). */
  public SurveyResponse merge(SurveyResponse response) {
    return em.merge(response);
  }

  /**
   * Writes the pending changes now, so a unique constraint (one response per invitation) fails here
   * with a {@link jakarta.persistence.PersistenceException}.
   */
  public void flush() {
    em.flush();
  }
}
