package dev.verbatim.followup.internal.domain;

import java.util.List;

/**
 * What a routing rule says, already checked: every condition is optional (null or empty = any), and
 * exactly one of the targets is set.
 */
public record RuleDefinition(
    String name,
    String surveyId,
    String questionKey,
    Integer scoreMin,
    Integer scoreMax,
    String attributeName,
    List<String> attributeValues,
    List<String> keywords,
    String targetTeamId,
    String targetOwnerId,
    boolean active) {
  public RuleDefinition {
    attributeValues = attributeValues == null ? List.of() : List.copyOf(attributeValues);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
