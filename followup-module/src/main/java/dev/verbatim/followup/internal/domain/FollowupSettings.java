package dev.verbatim.followup.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Global follow-up settings (one row, id "global"): the fallback owner who gets whatever nothing
 * else routes.
 */
@Entity
@Table(name = "fup_settings")
public class FollowupSettings {
  public static final String GLOBAL = "global";

  @Id private String id;

  @Column(name = "fallback_owner_id")
  private String fallbackOwnerId;

  protected FollowupSettings() {}

  public String fallbackOwnerId() {
    return fallbackOwnerId;
  }

  public void fallbackOwner(String userId) {
    fallbackOwnerId = userId;
  }
}
