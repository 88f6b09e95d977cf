package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.api.AnswerView;
import dev.verbatim.survey.api.ContactResponse;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.api.ResponseView;
import dev.verbatim.survey.api.SurveyCounts;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import dev.verbatim.survey.internal.domain.Answer;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaSurveyDirectory implements SurveyDirectory {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Override
  public Optional<SurveySummary> survey(String surveyId) {
    return Optional.ofNullable(surveyId == null ? null : em.find(Survey.class, surveyId))
        .map(JpaSurveyDirectory::summary);
  }

  @Override
  public List<SurveySummary> surveys() {
    return em.createQuery("SELECT s FROM Survey s ORDER BY s.createdAt DESC", Survey.class)
        .getResultStream()
        .map(JpaSurveyDirectory::summary)
        .toList();
  }

  private static SurveySummary summary(Survey s) {
    return new SurveySummary(s.id(), s.title(), s.status());
  }

  @Override
  public Optional<ResponseView> response(String responseId) {
    SurveyResponse response = responseId == null ? null : em.find(SurveyResponse.class, responseId);
    if (response == null) {
      return Optional.empty();
    }
    Survey survey = em.find(Survey.class, response.surveyId());
    Map<String, Question> questions =
        survey.version(response.version()).orElseGet(survey::live).questions().stream()
            .collect(Collectors.toMap(Question::key, Function.identity()));
    List<AnswerView> answers =
        response.answers().stream()
            .map(
                a ->
                    new AnswerView(
                        a.questionKey(),
                        a.type(),
                        questions.containsKey(a.questionKey())
                            ? questions.get(a.questionKey()).prompt()
                            : a.questionKey(),
                        a.score(),
                        a.text()))
            .toList();
    ContactView contact = em.find(Contact.class, response.contactId()).toView();
    return Optional.of(
        new ResponseView(
            response.id(), survey.id(), survey.title(), contact, response.submittedAt(), answers));
  }

  @Override
  public Optional<ContactView> contact(String contactId) {
    return Optional.ofNullable(contactId == null ? null : em.find(Contact.class, contactId))
        .map(Contact::toView);
  }

  @Override
  public List<ContactResponse> responsesOf(String contactId) {
    if (contactId == null) {
      return List.of();
    }
    List<SurveyResponse> found =
        em.createQuery(
                "SELECT r FROM SurveyResponse r WHERE r.contactId = :c AND r.status = :complete"
                    + " ORDER BY r.submittedAt DESC, r.id",
                SurveyResponse.class)
            .setParameter("c", contactId)
            .setParameter("complete", SurveyResponse.COMPLETE)
            .setMaxResults(50)
            .getResultList();
    Map<String, String> titles = new HashMap<>();
    return found.stream()
        .map(
            r ->
                new ContactResponse(
                    r.id(),
                    r.surveyId(),
                    titles.computeIfAbsent(
                        r.surveyId(),
                        id ->
                            Optional.ofNullable(em.find(Survey.class, id))
                                .map(Survey::title)
                                .orElse("")),
                    r.submittedAt(),
                    r.answers().stream()
                        .filter(a -> a.type() == QuestionType.NPS && a.score() != null)
                        .map(Answer::score)
                        .findFirst()
                        .orElse(null),
                    r.answers().stream()
                        .filter(a -> a.type().freeText())
                        .map(Answer::text)
                        .filter(t -> t != null && !t.isBlank())
                        .toList()))
        .toList();
  }

  @Override
  public SurveyCounts counts(String surveyId) {
    long invitations =
        em.createQuery("SELECT COUNT(i) FROM Invitation i WHERE i.surveyId = :s", Long.class)
            .setParameter("s", surveyId)
            .getSingleResult();
    long responses = responsesWithStatus(surveyId, SurveyResponse.COMPLETE);
    long partials = responsesWithStatus(surveyId, SurveyResponse.PARTIAL);
    Object[] nps =
        em.createQuery(
                "SELECT SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN a.score BETWEEN 7 AND 8 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END)"
                    + " FROM SurveyResponse r JOIN r.answers a"
                    + " WHERE r.surveyId = :s AND r.status = :complete AND a.type = :nps"
                    + " AND a.score IS NOT NULL",
                Object[].class)
            .setParameter("s", surveyId)
            .setParameter("complete", SurveyResponse.COMPLETE)
            .setParameter("nps", QuestionType.NPS)
            .getSingleResult();
    return new SurveyCounts(
        invitations, responses, asLong(nps[0]), asLong(nps[1]), asLong(nps[2]), partials);
  }

  private long responsesWithStatus(String surveyId, String status) {
    return em.createQuery(
            "SELECT COUNT(r) FROM SurveyResponse r WHERE r.surveyId = :s AND r.status = :status",
            Long.class)
        .setParameter("s", surveyId)
        .setParameter("status", status)
        .getSingleResult();
  }

  @Override
  public List<ResponseView> responsesAfter(String afterId, int limit) {
    return em.createQuery(
            "SELECT r.id FROM SurveyResponse r WHERE r.id > :after ORDER BY r.id", String.class)
        .setParameter("after", afterId == null ? "" : afterId)
        .setMaxResults(limit)
        .getResultStream()
        .map(this::response)
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  public long commentsTotal() {
    return em.createQuery(
            "SELECT COUNT(a) FROM SurveyResponse r JOIN r.answers a WHERE r.status = :complete"
                + " AND a.type IN :freeText AND a.text IS NOT NULL",
            Long.class)
        .setParameter("complete", SurveyResponse.COMPLETE)
        .setParameter(
            "freeText",
            Arrays.stream(QuestionType.values()).filter(QuestionType::freeText).toList())
        .getSingleResult();
  }

  private static long asLong(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
