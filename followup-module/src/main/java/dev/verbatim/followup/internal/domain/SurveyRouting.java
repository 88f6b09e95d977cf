package dev.verbatim.followup.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which team takes a survey's comments by default. */
@Entity
@Table(name = "fup_survey_routing")
public class SurveyRouting {
  @Id
  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "default_team_id")
  private String defaultTeamId;

  protected SurveyRouting() {}

  public SurveyRouting(String surveyId, String defaultTeamId) {
    this.surveyId = surveyId;
    this.defaultTeamId = defaultTeamId;
  }

  public void defaultTeam(String teamId) {
    defaultTeamId = teamId;
  }

  public String defaultTeamId() {
    return defaultTeamId;
  }
}
