package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal invitation: one contact, one survey, one unguessable link (only its hash is stored).
 */
@Entity
@Table(name = "svy_invitation")
public class Invitation {
  @Id private String id;

  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "distribution_id")
  private String distributionId;

  @Column(name = "contact_id")
  private String contactId;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "message_id")
  private String messageId;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "answered_at")
  private Long answeredAt;

  @Column(name = "opened_at")
  private Long openedAt;

  protected Invitation() {}

  public Invitation(
      String id,
      String surveyId,
      String distributionId,
      String contactId,
      String tokenHash,
      long now) {
    this.id = id;
    this.surveyId = surveyId;
    this.distributionId = distributionId;
    this.contactId = contactId;
    this.tokenHash = tokenHash;
    this.createdAt = now;
  }

  public void markAnswered(long now) {
    if (answeredAt != null) {
      throw new StateConflictException("This survey was already answered. Thank you!");
    }
    answeredAt = now;
  }

  /** The first time the customer followed the link (the page or a score in the email). */
  public void markOpened(long now) {
    if (openedAt == null) {
      openedAt = now;
    }
  }

  public Long openedAt() {
    return openedAt;
  }

  public long createdAt() {
    return createdAt;
  }

  public void recordMessageId(String id) {
    messageId = id;
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  public String id() {
    return id;
  }

  public String surveyId() {
    return surveyId;
  }

  public String contactId() {
    return contactId;
  }
}
