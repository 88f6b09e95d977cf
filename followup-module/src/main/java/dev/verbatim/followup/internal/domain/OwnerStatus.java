package dev.verbatim.followup.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether an owner is away (holiday, sick): rules and teams pass them over until they are back. */
@Entity
@Table(name = "fup_owner_status")
public class OwnerStatus {
  @Id
  @Column(name = "user_id")
  private String userId;

  private boolean away;

  protected OwnerStatus() {}

  public OwnerStatus(String userId, boolean away) {
    this.userId = userId;
    this.away = away;
  }

  public void markAway(boolean isAway) {
    away = isAway;
  }

  public String userId() {
    return userId;
  }

  public boolean away() {
    return away;
  }
}
