package dev.verbatim.survey.internal.domain;

import dev.verbatim.survey.api.QuestionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * A question of one survey version; its {@code key} is stable across versions (and never reused for
 * another type) so answers and reports can refer to it.
 */
@Entity
@Table(name = "svy_question")
public class Question {
  static final String OPTION_SEPARATOR = "\n";

  @Id private String id;

  @Column(name = "survey_id")
  private String surveyId;

  private int position;

  @Column(name = "question_key")
  private String key;

  @Enumerated(EnumType.STRING)
  @Column(name = "question_type")
  private QuestionType type;

  private String prompt;
  private boolean required;

  @Column(name = "choice_options")
  private String options;

  protected Question() {}

  public Question(
      String id,
      String surveyId,
      int position,
      String key,
      QuestionType type,
      String prompt,
      boolean required,
      List<String> options) {
    this.id = id;
    this.surveyId = surveyId;
    this.position = position;
    this.key = key;
    this.type = type;
    this.prompt = prompt;
    this.required = required;
    this.options =
        options == null || options.isEmpty() ? null : String.join(OPTION_SEPARATOR, options);
  }

  /** Takes over another question's content (same key) while keeping this row. */
  void copyFrom(Question other) {
    position = other.position;
    type = other.type;
    prompt = other.prompt;
    required = other.required;
    options = other.options;
  }

  public String id() {
    return id;
  }

  public int position() {
    return position;
  }

  public String key() {
    return key;
  }

  public QuestionType type() {
    return type;
  }

  public String prompt() {
    return prompt;
  }

  public boolean required() {
    return required;
  }

  /** The labels a choice question offers, in order; empty for other types. */
  public List<String> options() {
    return options == null ? List.of() : Arrays.asList(options.split(OPTION_SEPARATOR));
  }
}
