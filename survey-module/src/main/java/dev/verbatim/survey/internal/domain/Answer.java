package dev.verbatim.survey.internal.domain;

import dev.verbatim.survey.api.QuestionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "svy_answer")
public class Answer {
  @Id private String id;

  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "question_key")
  private String questionKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "question_type")
  private QuestionType type;

  private Integer score;

  @Column(name = "text_value")
  private String text;

  protected Answer() {}

  public Answer(String id, String surveyId, Question question, Integer score, String text) {
    this.id = id;
    this.surveyId = surveyId;
    this.questionKey = question.key();
    this.type = question.type();
    this.score = score;
    this.text = text;
  }

  public String questionKey() {
    return questionKey;
  }

  public QuestionType type() {
    return type;
  }

  public Integer score() {
    return score;
  }

  public String text() {
    return text;
  }
}
