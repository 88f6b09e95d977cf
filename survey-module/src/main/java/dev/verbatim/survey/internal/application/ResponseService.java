package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ModuleEvents;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.api.ResponseSubmitted;
import dev.verbatim.survey.internal.domain.Answer;
import dev.verbatim.survey.internal.domain.AnswerSheet;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Invitation;
import dev.verbatim.survey.internal.domain.InvitationTokens;
import dev.verbatim.survey.internal.domain.LinkExpiredException;
import dev.verbatim.survey.internal.domain.LinkExpiry;
import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyResponse;
import dev.verbatim.survey.internal.domain.SurveyVersion;
import dev.verbatim.survey.internal.persistence.ContactRepository;
import dev.verbatim.survey.internal.persistence.InvitationRepository;
import dev.verbatim.survey.internal.persistence.ResponseRepository;
import dev.verbatim.survey.internal.persistence.SurveyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The customer's side: open a survey by its personal token, keep partial answers (a score clicked
 * in the email, "save and finish later"), and complete it once. Completing and the {@link
 * ResponseSubmitted} event share one transaction, so follow-up's cases commit with it or not at
 * all; partial answers fire nothing.
 *
 * <p>Versions: a fresh answer belongs to the survey's live version; a response started earlier
 * keeps the version it started on, so a half-done answer stays valid when a new version is
 * published.
 */
@ApplicationScoped
public class ResponseService {
  /**
   * Same words whether the token is malformed, unknown or belongs to someone: nothing is revealed.
   */
  public static final String UNKNOWN_LINK =
      "This survey link is not valid. Please use the link from your email as it is.";

  static final String ALREADY_ANSWERED = "This survey was already answered. Thank you!";

  @Inject InvitationRepository invitations;
  @Inject SurveyRepository surveys;
  @Inject ResponseRepository responses;
  @Inject ContactRepository contacts;

  @Inject Clock clock;
  @Inject Event<ResponseSubmitted> submitted;
  @Inject ModuleEvents events;
  @Inject LinkOpenings openings;

  @Inject
  @ConfigProperty(name = "verbatim.links.expire-days", defaultValue = "30")
  int expireDays;

  /** Who answers what: the invitation, its survey, the version to answer and any partial. */
  public record Respondent(
      Invitation invitation,
      Survey survey,
      Contact contact,
      SurveyVersion version,
      Optional<SurveyResponse> partial) {

    public Respondent(Invitation invitation, Survey survey, Contact contact) {
      this(invitation, survey, contact, survey.live(), Optional.empty());
    }

    /** What the customer answered so far, by question key, as the form shows it. */
    public Map<String, String> answersSoFar() {
      Map<String, String> values = new java.util.HashMap<>();
      partial.ifPresent(
          r ->
              r.answers()
                  .forEach(
                      a ->
                          values.put(
                              a.questionKey(),
                              a.score() != null ? String.valueOf(a.score()) : a.text())));
      return values;
    }
  }

  /**
   * @throws ResourceNotFoundException for an unknown link
   * @throws LinkExpiredException for a link older than {@code verbatim.links.expire-days}
   */
  public Respondent open(String token) {
    if (!InvitationTokens.wellFormed(token)) {
      throw new ResourceNotFoundException(UNKNOWN_LINK);
    }
    Invitation invitation =
        invitations
            .byTokenHash(InvitationTokens.hash(token))
            .orElseThrow(() -> new ResourceNotFoundException(UNKNOWN_LINK));
    Survey survey = surveys.find(invitation.surveyId());
    if (new LinkExpiry(expireDays).isExpired(invitation.createdAt(), clock.millis())) {
      throw new LinkExpiredException(survey.title());
    }
    Optional<SurveyResponse> partial =
        responses.ofInvitation(invitation.id()).filter(SurveyResponse::isPartial);
    SurveyVersion version =
        partial.flatMap(r -> survey.version(r.version())).orElseGet(survey::live);
    return new Respondent(
        invitation, survey, contacts.find(invitation.contactId()), version, partial);
  }

  /**
   * Opening the page: the first time is noted for {@link LinkOpenings}, which records it shortly
   * after, so showing the page writes nothing in the customer's request.
   */
  @Transactional
  public Respondent openPage(String token) {
    Respondent respondent = open(token);
    if (respondent.invitation().openedAt() == null) {
      openings.opened(respondent.invitation().id(), clock.millis());
    }
    return respondent;
  }

  @Transactional
  public SurveyResponse submit(String token, Map<String, String> rawAnswers) {
    return record(open(token), rawAnswers, clock.millis());
  }

  /**
   * {@link #submit} for the customer's page, which needs the version answered for its thank-you
   * text: the invitation is read once, inside the transaction.
   */
  @Transactional
  public Respondent submitFromPage(String token, Map<String, String> rawAnswers) {
    Respondent respondent = open(token);
    record(respondent, rawAnswers, clock.millis());
    return respondent;
  }

  /** Completes a response given at {@code at} (now, or a historical time for the demo data). */
  @Transactional
  public SurveyResponse record(Respondent respondent, Map<String, String> rawAnswers, long at) {
    Invitation invitation = respondent.invitation();
    requireOpenFor(respondent);
    SurveyVersion version = respondent.version();
    List<Answer> answers =
        AnswerSheet.read(respondent.survey().id(), version.questions(), rawAnswers);
    SurveyResponse response;
    if (respondent.partial().isPresent()) {
      response = responses.merge(respondent.partial().get());
      response.complete(answers, at);
    } else {
      response = new SurveyResponse(Ids.newId(), invitation, version.number(), answers, at);
      responses.add(response);
    }
    invitation = invitations.merge(invitation);
    invitation.markAnswered(at);
    flushOnce();
    ResponseSubmitted event =
        new ResponseSubmitted(
            response.id(),
            response.surveyId(),
            version.number(),
            invitation.id(),
            invitation.contactId(),
            at,
            answers.stream()
                .map(
                    a ->
                        ResponseSubmitted.SubmittedAnswer.of(
                            a.questionKey(), a.type(), a.score(), a.text()))
                .toList(),
            respondent.contact().attributes());
    events.publish(ResponseSubmitted.TYPE, response.id(), event);
    submitted.fire(event);
    return response;
  }

  /** "Save and finish later": keeps the valid answers given so far; nothing is required. */
  @Transactional
  public SurveyResponse saveForLater(String token, Map<String, String> rawAnswers) {
    Respondent respondent = open(token);
    requireOpenFor(respondent);
    long now = clock.millis();
    List<Answer> answers =
        AnswerSheet.readGiven(
            respondent.survey().id(), respondent.version().questions(), rawAnswers);
    SurveyResponse response;
    if (respondent.partial().isPresent()) {
      response = responses.merge(respondent.partial().get());
      response.keepPartial(answers, now);
    } else {
      response =
          SurveyResponse.partial(
              Ids.newId(), respondent.invitation(), respondent.version().number(), answers, now);
      responses.add(response);
    }
    invitations.merge(respondent.invitation()).markOpened(now);
    flushOnce();
    return response;
  }

  /**
   * A score clicked in the invitation email, for the survey's first question (NPS or CSAT): kept as
   * a partial response. Idempotent: the same click twice, or a mail scanner following every link,
   * leaves one response holding the last score.
   *
   * @throws ResourceNotFoundException when the first question cannot be answered from the email
   * @throws InvalidInputException naming {@code score} when it is not on the scale
   */
  @Transactional
  public Respondent recordEmailScore(String token, int score) {
    Respondent respondent = open(token);
    requireOpenFor(respondent);
    Question first = emailQuestion(respondent.version());
    String problem = AnswerSheet.scoreProblem(first, score);
    if (problem != null) {
      throw new InvalidInputException(List.of(new FieldError("score", problem)));
    }
    long now = clock.millis();
    Answer answer = new Answer(Ids.newId(), respondent.survey().id(), first, score, null);
    if (respondent.partial().isPresent()) {
      responses.merge(respondent.partial().get()).keepPartialAnswer(answer, now);
    } else {
      responses.add(
          SurveyResponse.partial(
              Ids.newId(),
              respondent.invitation(),
              respondent.version().number(),
              List.of(answer),
              now));
    }
    invitations.merge(respondent.invitation()).markOpened(now);
    flushOnce();
    return respondent;
  }

  /** The question a score link in the email answers: the first one, when it is NPS or CSAT. */
  public static Question emailQuestion(SurveyVersion version) {
    Question first = version.questions().isEmpty() ? null : version.questions().get(0);
    if (first == null || (first.type() != QuestionType.NPS && first.type() != QuestionType.CSAT)) {
      throw new ResourceNotFoundException(
          "This survey's first question cannot be answered from the email. Please open the survey.");
    }
    return first;
  }

  private static void requireOpenFor(Respondent respondent) {
    if (respondent.invitation().isAnswered()) {
      throw new StateConflictException(ALREADY_ANSWERED);
    }
    if (!respondent.survey().acceptsResponses()) {
      throw new StateConflictException("This survey is closed and no longer takes answers.");
    }
  }

  private void flushOnce() {
    try {
      responses.flush();
    } catch (PersistenceException e) {
      // A concurrent request through the same link won the unique constraint on the invitation.
      throw new StateConflictException(ALREADY_ANSWERED);
    }
  }
}
