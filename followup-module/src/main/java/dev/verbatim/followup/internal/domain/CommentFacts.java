package dev.verbatim.followup.internal.domain;

import java.util.Map;

/** What routing rules look at in one comment: where it came from, the score, the words, who. */
public record CommentFacts(
    String surveyId,
    String questionKey,
    Integer score,
    String comment,
    Map<String, String> attributes) {
  public CommentFacts {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    comment = comment == null ? "" : comment;
  }
}
