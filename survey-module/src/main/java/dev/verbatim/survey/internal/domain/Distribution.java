package dev.verbatim.survey.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One send of a survey to an audience (every contact, listed contacts, or those matching an
 * attribute filter): SCHEDULED until its time comes, then SENT.
 */
@Entity
@Table(name = "svy_distribution")
public class Distribution {
  public static final String SCHEDULED = "SCHEDULED";
  public static final String SENT = "SENT";

  @Id private String id;

  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "created_at")
  private long createdAt;

  private int invited;
  private int skipped;

  private String state;

  @Column(name = "scheduled_at")
  private Long scheduledAt;

  @Column(name = "sent_at")
  private Long sentAt;

  /** The attribute filter as the manager wrote it; null for every contact (or listed ids). */
  private String audience;

  protected Distribution() {}

  public Distribution(String id, String surveyId, long now) {
    this(id, surveyId, null, null, now);
  }

  public Distribution(String id, String surveyId, String audience, Long scheduledAt, long now) {
    this.id = id;
    this.surveyId = surveyId;
    this.audience = audience;
    this.createdAt = now;
    this.scheduledAt = scheduledAt;
    this.state = scheduledAt != null && scheduledAt > now ? SCHEDULED : SENT;
  }

  public void count(int invitedCount, int skippedCount) {
    invited = invitedCount;
    skipped = skippedCount;
  }

  public void markSent(long now) {
    state = SENT;
    sentAt = now;
  }

  public boolean isScheduled() {
    return SCHEDULED.equals(state);
  }

  public String id() {
    return id;
  }

  public String surveyId() {
    return surveyId;
  }

  public String audience() {
    return audience;
  }

  public String state() {
    return state;
  }

  public Long scheduledAt() {
    return scheduledAt;
  }

  public Long sentAt() {
    return sentAt;
  }

  public long createdAt() {
    return createdAt;
  }

  public int invited() {
    return invited;
  }

  public int skipped() {
    return skipped;
  }
}
