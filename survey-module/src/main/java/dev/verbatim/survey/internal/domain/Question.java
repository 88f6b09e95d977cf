package dev.verbatim.survey.internal.domain;

import dev.verbatim.survey.api.QuestionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A question; its {@code key} is stable so answers and reports can refer to it. */
@Entity
@Table(name = "svy_question")
public class Question {
  @Id private String id;
  private int position;

  @Column(name = "question_key")
  private String key;

  @Enumerated(EnumType.STRING)
  @Column(name = "question_type")
  private QuestionType type;

  private String prompt;
  private boolean required;

  protected Question() {}

  public Question(
      String id, int position, String key, QuestionType type, String prompt, boolean required) {
    this.id = id;
    this.position = position;
    this.key = key;
    this.type = type;
    this.prompt = prompt;
    this.required = required;
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
}
