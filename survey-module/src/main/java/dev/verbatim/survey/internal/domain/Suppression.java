package dev.verbatim.survey.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address on the suppression list: every survey mail to it is skipped. */
@Entity
@Table(name = "svy_suppression")
public class Suppression {
  @Id
  @Column(name = "email_key")
  private String emailKey;

  @Enumerated(EnumType.STRING)
  private SuppressionReason reason;

  @Column(name = "occurred_at")
  private long occurredAt;

  private String detail;

  protected Suppression() {}

  public Suppression(String email, SuppressionReason reason, String detail, long now) {
    this.emailKey = Contact.keyOf(email);
    this.reason = reason;
    this.detail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 500));
    this.occurredAt = now;
  }

  public String emailKey() {
    return emailKey;
  }

  public SuppressionReason reason() {
    return reason;
  }

  public long occurredAt() {
    return occurredAt;
  }

  public String detail() {
    return detail;
  }
}
