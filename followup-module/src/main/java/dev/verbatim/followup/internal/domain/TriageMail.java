package dev.verbatim.followup.internal.domain;

import dev.verbatim.platform.api.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An inbound mail that matched no case: kept for a manager to attach to a case or dismiss, never
 * dropped.
 */
@Entity
@Table(name = "fup_triage_mail")
public class TriageMail {
  public static final String OPEN = "OPEN";
  public static final String ATTACHED = "ATTACHED";
  public static final String DISMISSED = "DISMISSED";

  @Id private String id;

  @Column(name = "received_at")
  private long receivedAt;

  private String sender;
  private String subject;
  private String body;

  @Column(name = "message_id")
  private String messageId;

  private String reason;
  private String status;

  @Column(name = "case_id")
  private String caseId;

  protected TriageMail() {}

  public TriageMail(String id, InboundMail mail, String body, String reason, long now) {
    this.id = id;
    this.receivedAt = now;
    this.sender = mail.sender();
    this.subject = mail.subject();
    this.messageId = mail.messageId();
    this.body = body;
    this.reason = reason.length() > 300 ? reason.substring(0, 300) : reason;
    this.status = OPEN;
  }

  public void attachTo(String targetCaseId) {
    requireOpen();
    status = ATTACHED;
    caseId = targetCaseId;
  }

  public void dismiss() {
    requireOpen();
    status = DISMISSED;
  }

  private void requireOpen() {
    if (!OPEN.equals(status)) {
      throw new StateConflictException("This mail was already " + status.toLowerCase() + ".");
    }
  }

  public String id() {
    return id;
  }

  public long receivedAt() {
    return receivedAt;
  }

  public String sender() {
    return sender;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public String messageId() {
    return messageId;
  }

  public String reason() {
    return reason;
  }

  public String status() {
    return status;
  }

  public String caseId() {
    return caseId;
  }
}
