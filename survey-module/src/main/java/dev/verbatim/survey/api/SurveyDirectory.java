package dev.verbatim.survey.api;

import java.util.List;
import java.util.Optional;

/** Read-only access to surveys, responses and contacts for other modules. */
public interface SurveyDirectory {

  Optional<SurveySummary> survey(String surveyId);

  List<SurveySummary> surveys();

  Optional<ResponseView> response(String responseId);

  Optional<ContactView> contact(String contactId);

  /** The contact's responses, newest first (at most 50). */
  List<ContactResponse> responsesOf(String contactId);

  SurveyCounts counts(String surveyId);

  /** Completed responses in id order after {@code afterId} (null for the first page). */
  List<ResponseView> responsesAfter(String afterId, int limit);

  /** Non-empty free-text answers in all stored responses: each must have a case. */
  long commentsTotal();
}
