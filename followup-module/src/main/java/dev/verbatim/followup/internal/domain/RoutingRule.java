package dev.verbatim.followup.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the ordered routing list: conditions on a comment (all must hold; an absent one
 * holds for every comment) and the team or owner that gets the comments it matches.
 */
@Entity
@Table(name = "fup_routing_rule")
public class RoutingRule {
  private static final String SEPARATOR = "\n";

  @Id private String id;
  private int position;
  private String name;

  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "question_key")
  private String questionKey;

  @Column(name = "score_min")
  private Integer scoreMin;

  @Column(name = "score_max")
  private Integer scoreMax;

  @Column(name = "attribute_name")
  private String attributeName;

  @Column(name = "attribute_values")
  private String attributeValues;

  private String keywords;

  @Column(name = "target_team_id")
  private String targetTeamId;

  @Column(name = "target_owner_id")
  private String targetOwnerId;

  private boolean active;

  @Column(name = "created_at")
  private long createdAt;

  protected RoutingRule() {}

  public RoutingRule(String id, int position, RuleDefinition definition, long now) {
    this.id = id;
    this.position = position;
    this.createdAt = now;
    redefine(definition);
  }

  public void redefine(RuleDefinition d) {
    name = d.name();
    surveyId = d.surveyId();
    questionKey = d.questionKey();
    scoreMin = d.scoreMin();
    scoreMax = d.scoreMax();
    attributeName = d.attributeName();
    attributeValues = join(d.attributeValues());
    keywords = join(d.keywords());
    targetTeamId = d.targetTeamId();
    targetOwnerId = d.targetOwnerId();
    active = d.active();
  }

  public void moveTo(int newPosition) {
    position = newPosition;
  }

  public boolean matches(CommentFacts facts) {
    return mismatch(facts).isEmpty();
  }

  /** Why this rule does not match the comment; empty when it matches. */
  public Optional<String> mismatch(CommentFacts facts) {
    if (!active) {
      return Optional.of("the rule is switched off");
    }
    if (surveyId != null && !surveyId.equals(facts.surveyId())) {
      return Optional.of("the comment is from another survey");
    }
    if (questionKey != null && !questionKey.equals(facts.questionKey())) {
      return Optional.of("the comment answers " + facts.questionKey() + ", not " + questionKey);
    }
    if (scoreMin != null || scoreMax != null) {
      if (facts.score() == null) {
        return Optional.of("the response has no score");
      }
      if (facts.score() < scoreMin() || facts.score() > scoreMax()) {
        return Optional.of(
            "score " + facts.score() + " is outside " + scoreMin() + "–" + scoreMax());
      }
    }
    if (attributeName != null) {
      String actual = attributeOf(facts.attributes());
      if (actual == null) {
        return Optional.of("the contact has no attribute " + attributeName);
      }
      if (attributeValues().stream().noneMatch(v -> v.equalsIgnoreCase(actual.strip()))) {
        return Optional.of(
            attributeName
                + " is '"
                + actual
                + "', not one of "
                + String.join(", ", attributeValues()));
      }
    }
    if (!keywords().isEmpty() && keywords().stream().noneMatch(k -> containsWord(facts, k))) {
      return Optional.of("the comment has none of the words " + String.join(", ", keywords()));
    }
    return Optional.empty();
  }

  private String attributeOf(Map<String, String> attributes) {
    String exact = attributes.get(attributeName);
    if (exact != null) {
      return exact;
    }
    return attributes.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(attributeName))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Whole words (or phrases), case-insensitive: "bill" does not match "billing". */
  private static boolean containsWord(CommentFacts facts, String keyword) {
    Pattern word =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}_])" + Pattern.quote(keyword.strip()) + "(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return word.matcher(facts.comment()).find();
  }

  private static String join(List<String> parts) {
    return parts.isEmpty() ? null : String.join(SEPARATOR, parts);
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty()
        ? List.of()
        : Arrays.stream(joined.split(SEPARATOR)).toList();
  }

  /** What the rule is called in a case's {@code routedBy} (the column holds 40 characters). */
  public String label() {
    String label = "RULE:" + name;
    return label.length() <= 40 ? label : label.substring(0, 40);
  }

  public String id() {
    return id;
  }

  public int position() {
    return position;
  }

  public String name() {
    return name;
  }

  public String surveyId() {
    return surveyId;
  }

  public String questionKey() {
    return questionKey;
  }

  /** Null when the rule has no score condition; 0 when only a maximum was given. */
  public Integer scoreMin() {
    return scoreMin == null && scoreMax == null ? null : scoreMin == null ? 0 : scoreMin;
  }

  public Integer scoreMax() {
    return scoreMin == null && scoreMax == null ? null : scoreMax == null ? 10 : scoreMax;
  }

  public Optional<ScoreBand> band() {
    return ScoreBand.ofRange(scoreMin(), scoreMax());
  }

  public String attributeName() {
    return attributeName;
  }

  public List<String> attributeValues() {
    return split(attributeValues);
  }

  public List<String> keywords() {
    return split(keywords);
  }

  public String targetTeamId() {
    return targetTeamId;
  }

  public String targetOwnerId() {
    return targetOwnerId;
  }

  public boolean active() {
    return active;
  }

  public long createdAt() {
    return createdAt;
  }
}
