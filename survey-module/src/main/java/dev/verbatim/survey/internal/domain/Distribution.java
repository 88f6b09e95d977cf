package dev.verbatim.survey.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One send of a survey to a set of contacts. */
@Entity
@Table(name = "svy_distribution")
public class Distribution {
  @Id private String id;

  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "created_at")
  private long createdAt;

  private int invited;
  private int skipped;

  protected Distribution() {}

  public Distribution(String id, String surveyId, long now) {
    this.id = id;
    this.surveyId = surveyId;
    this.createdAt = now;
  }

  public void count(int invitedCount, int skippedCount) {
    invited = invitedCount;
    skipped = skippedCount;
  }

  public String id() {
    return id;
  }
}
