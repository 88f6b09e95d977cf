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

  @Column(name = "bounced_at")
  private Long bouncedAt;

  @Column(name = "reminders_sent")
  private int remindersSent;

  @Column(name = "last_reminded_at")
  private Long lastRemindedAt;

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

  /** Answering also records the open, if the page view's open was not written yet. */
  public void markAnswered(long now) {
    if (answeredAt != null) {
      throw new StateConflictException("This survey was already answered. Thank you!");
    }
    answeredAt = now;
    markOpened(now);
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

  /** The address refused the mail for good (at send time or by a delivery status notification). */
  public void markBounced(long now) {
    if (bouncedAt == null) {
      bouncedAt = now;
    }
  }

  public boolean isBounced() {
    return bouncedAt != null;
  }

  /**
   * A reminder is due {@code afterMillis} after the invitation (or the last reminder), at most
   * {@code max} times, and never once the customer answered or the address bounced.
   */
  public boolean reminderDue(long now, long afterMillis, int max) {
    if (isAnswered() || isBounced() || remindersSent >= max) {
      return false;
    }
    long since = lastRemindedAt == null ? createdAt : lastRemindedAt;
    return now - since >= afterMillis;
  }

  public void recordReminder(long now) {
    remindersSent++;
    lastRemindedAt = now;
  }

  public int remindersSent() {
    return remindersSent;
  }

  public Long lastRemindedAt() {
    return lastRemindedAt;
  }

  /** Whether {@code token} is this invitation's personal link. */
  public boolean isReachedBy(String token) {
    return InvitationTokens.hash(token).equals(tokenHash);
  }

  public String distributionId() {
    return distributionId;
  }

  public String messageId() {
    return messageId;
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
