package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.ResponseSubmitted;
import dev.verbatim.survey.internal.domain.Answer;
import dev.verbatim.survey.internal.domain.AnswerSheet;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The customer's side: open a survey by its personal token and submit it once. The response and the
 * {@link ResponseSubmitted} event share one transaction, so follow-up's cases commit with it or not
 * at all.
 */
@ApplicationScoped
public class ResponseService {
  /**
   * Same words whether the token is malformed, unknown or belongs to someone: nothing is revealed.
   */
  public static final String UNKNOWN_LINK =
      "This survey link is not valid. Please use the link from your email as it is.";

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;
  @Inject Event<ResponseSubmitted> submitted;

  public record Respondent(Invitation invitation, Survey survey, Contact contact) {}

  public Respondent open(String token) {
    if (!InvitationTokens.wellFormed(token)) {
      throw new ResourceNotFoundException(UNKNOWN_LINK);
    }
    Invitation invitation =
        em.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :h", Invitation.class)
            .setParameter("h", InvitationTokens.hash(token))
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new ResourceNotFoundException(UNKNOWN_LINK));
    return new Respondent(
        invitation,
        em.find(Survey.class, invitation.surveyId()),
        em.find(Contact.class, invitation.contactId()));
  }

  @Transactional
  public SurveyResponse submit(String token, Map<String, String> rawAnswers) {
    return record(open(token), rawAnswers, clock.millis());
  }

  /** Stores a response given at {@code at} (now, or a historical time for the demo data). */
  @Transactional
  public SurveyResponse record(Respondent respondent, Map<String, String> rawAnswers, long at) {
    Invitation invitation = respondent.invitation();
    if (invitation.isAnswered()) {
      throw new StateConflictException("This survey was already answered. Thank you!");
    }
    if (!respondent.survey().acceptsResponses()) {
      throw new StateConflictException("This survey is closed and no longer takes answers.");
    }
    List<Answer> answers = AnswerSheet.read(respondent.survey(), rawAnswers);
    long now = at;
    SurveyResponse response = new SurveyResponse(Ids.newId(), invitation, answers, now);
    invitation.markAnswered(now);
    em.persist(response);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // A concurrent submission through the same link won the unique constraint.
      throw new StateConflictException("This survey was already answered. Thank you!");
    }
    submitted.fire(
        new ResponseSubmitted(
            response.id(), response.surveyId(), invitation.id(), invitation.contactId(), now));
    return response;
  }
}
