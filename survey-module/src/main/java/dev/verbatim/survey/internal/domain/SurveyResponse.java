package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.StateConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A response: exactly one per invitation (enforced by a unique constraint). PARTIAL while the
 * customer has answered some questions (a score clicked in the email, or "save and finish later");
 * COMPLETE once submitted, which is when {@code submittedAt} becomes the completion time. It keeps
 * the number of the survey version its answers belong to.
 */
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

  @Column(name = "started_at")
  private Long startedAt;

  private String status;

  @Column(name = "version_no")
  private int version;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "response_id", nullable = false)
  private List<Answer> answers = new ArrayList<>();

  protected SurveyResponse() {}

  public static final String PARTIAL = "PARTIAL";
  public static final String COMPLETE = "COMPLETE";

  /** A response completed in one go. */
  public SurveyResponse(
      String id, Invitation invitation, int version, List<Answer> answers, long now) {
    this(id, invitation, version, answers, now, COMPLETE);
  }

  private SurveyResponse(
      String id,
      Invitation invitation,
      int version,
      List<Answer> answers,
      long now,
      String status) {
    this.id = id;
    this.surveyId = invitation.surveyId();
    this.invitationId = invitation.id();
    this.contactId = invitation.contactId();
    this.version = version;
    this.startedAt = now;
    this.submittedAt = now;
    this.status = status;
    this.answers.addAll(answers);
  }

  /** Answers kept for later: {@code submittedAt} holds the last save until completion. */
  public static SurveyResponse partial(
      String id, Invitation invitation, int version, List<Answer> answers, long now) {
    return new SurveyResponse(id, invitation, version, answers, now, PARTIAL);
  }

  /** Replaces the answers kept so far (still partial). */
  public void keepPartial(List<Answer> newAnswers, long now) {
    requirePartial();
    answers.clear();
    answers.addAll(newAnswers);
    submittedAt = now;
  }

  /** Updates or adds one answer of a partial response, leaving the others. */
  public void keepPartialAnswer(Answer answer, long now) {
    requirePartial();
    answers.removeIf(a -> a.questionKey().equals(answer.questionKey()));
    answers.add(answer);
    submittedAt = now;
  }

  public void complete(List<Answer> finalAnswers, long now) {
    requirePartial();
    answers.clear();
    answers.addAll(finalAnswers);
    submittedAt = now;
    status = COMPLETE;
  }

  private void requirePartial() {
    if (!isPartial()) {
      throw new StateConflictException("This survey was already answered. Thank you!");
    }
  }

  public boolean isPartial() {
    return PARTIAL.equals(status);
  }

  public String status() {
    return status;
  }

  /** The number of the survey version these answers belong to. */
  public int version() {
    return version;
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
