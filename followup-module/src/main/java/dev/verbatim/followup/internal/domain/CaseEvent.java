package dev.verbatim.followup.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a case's audit trail: who did what, when. {@code actorId} is null for the system. */
@Entity
@Table(name = "fup_case_event")
public class CaseEvent {
  public static final String CREATED = "CREATED";
  public static final String REPLIED = "REPLIED";
  public static final String CUSTOMER_REPLIED = "CUSTOMER_REPLIED";
  public static final String NOTE = "NOTE";
  public static final String REASSIGNED = "REASSIGNED";
  public static final String CLOSED = "CLOSED";
  public static final String REOPENED = "REOPENED";
  public static final String ESCALATED = "ESCALATED";

  @Id private String id;

  @Column(name = "case_id")
  private String caseId;

  @Column(name = "occurred_at")
  private long at;

  @Column(name = "actor_id")
  private String actorId;

  private String kind;
  private String detail;

  protected CaseEvent() {}

  public CaseEvent(String id, String caseId, long at, String actorId, String kind, String detail) {
    this.id = id;
    this.caseId = caseId;
    this.at = at;
    this.actorId = actorId;
    this.kind = kind;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  public String caseId() {
    return caseId;
  }

  public long at() {
    return at;
  }

  public String actorId() {
    return actorId;
  }

  public String kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }
}
