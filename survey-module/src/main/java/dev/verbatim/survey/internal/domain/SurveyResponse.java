package dev.verbatim.survey.internal.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A completed response: exactly one per invitation (enforced by a unique constraint). */
@Entity
@Table(name = "svy_response")
public class SurveyResponse {
  @Id private String id;

  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "invitation_id")
  private String invitationId;

  @Column(name = "contact_id")
  private String contactId;

  @Column(name = "submitted_at")
  private long submittedAt;

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "response_id", nullable = false)
  private List<Answer> answers = new ArrayList<>();

  protected SurveyResponse() {}

  public SurveyResponse(String id, Invitation invitation, List<Answer> answers, long now) {
    this.id = id;
    this.surveyId = invitation.surveyId();
    this.invitationId = invitation.id();
    this.contactId = invitation.contactId();
    this.submittedAt = now;
    this.answers.addAll(answers);
  }

  public String id() {
    return id;
  }

  public String surveyId() {
    return surveyId;
  }

  public String invitationId() {
    return invitationId;
  }

  public String contactId() {
    return contactId;
  }

  public long submittedAt() {
    return submittedAt;
  }

  public List<Answer> answers() {
    return List.copyOf(answers);
  }
}
