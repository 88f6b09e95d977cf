package dev.verbatim.survey.api;

import java.util.List;

/**
 * One response a contact gave, as context for whoever follows up on them: which survey, when, the
 * NPS score (null when none) and the non-empty comments.
 */
public record ContactResponse(
    String responseId,
    String surveyId,
    String surveyTitle,
    long submittedAt,
    Integer npsScore,
    List<String> comments) {}
