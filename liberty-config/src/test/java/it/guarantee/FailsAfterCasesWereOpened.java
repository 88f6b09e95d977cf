package it.guarantee;

import dev.verbatim.survey.api.ResponseSubmitted;
import dev.verbatim.survey.api.SurveyDirectory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Test-only observer, present in the Arquillian deployment only: it sees {@link ResponseSubmitted}
 * after follow-up's {@code CaseOpener} (which has the default observer priority, APPLICATION + 500)
 * and fails when a comment carries {@link #MARKER}. Before failing it counts the cases already
 * written in the transaction, so the test can show they existed and were rolled back with the
 * response.
 */
@ApplicationScoped
public class FailsAfterCasesWereOpened {
  static final String MARKER = "[fail after the cases were opened]";

  @Inject SurveyDirectory surveys;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  private volatile long casesSeenBeforeFailing = -1;

  void onResponse(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ResponseSubmitted submitted) {
    boolean marked =
        surveys.response(submitted.responseId()).orElseThrow().comments().stream()
            .anyMatch(comment -> comment.text().contains(MARKER));
    if (!marked) {
      return;
    }
    em.flush();
    casesSeenBeforeFailing =
        ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM fup_case WHERE response_id = ?1")
                    .setParameter(1, submitted.responseId())
                    .getSingleResult())
            .longValue();
    throw new SimulatedFailure(
        "Simulated failure after " + casesSeenBeforeFailing + " case(s) were opened");
  }

  /**
   * How many cases of the failed response the transaction held when this observer threw; -1 if it
   * never did.
   */
  public long casesSeenBeforeFailing() {
    return casesSeenBeforeFailing;
  }

  public void reset() {
    casesSeenBeforeFailing = -1;
  }

  /** The failure this observer raises. */
  public static class SimulatedFailure extends RuntimeException {
    SimulatedFailure(String message) {
      super(message);
    }
  }
}
