package dev.verbatim.followup.internal.domain;

import dev.verbatim.platform.api.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entry in a case's conversation: OUT is a reply mailed to the customer, IN a customer's mail,
 * NOTE an internal note that is never mailed.
 */
@Entity
@Table(name = "fup_case_message")
public class CaseMessage {
  public static final String OUT = "OUT";
  public static final String IN = "IN";
  public static final String NOTE = "NOTE";
  static final int MAX_NOTE = 10_000;

  @Id private String id;

  @Column(name = "case_id")
  private String caseId;

  private String direction;

  @Column(name = "author_id")
  private String authorId;

  private String body;

  @Column(name = "message_id")
  private String messageId;

  @Column(name = "created_at")
  private long createdAt;

  private String subject;
  private String sender;

  protected CaseMessage() {}

  public CaseMessage(
      String id,
      String caseId,
      String direction,
      String authorId,
      String body,
      String messageId,
      long now) {
    this.id = id;
    this.caseId = caseId;
    this.direction = direction;
    this.authorId = authorId;
    this.body = body;
    this.messageId = messageId;
    this.createdAt = now;
  }

  /**
   * An internal note for colleagues; it never leaves Verbatim.
   *
   * @throws InvalidInputException naming {@code text} when empty or too long
   */
  public static CaseMessage note(String id, String caseId, String authorId, String text, long now) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "Write the note before saving it.");
    }
    if (text.strip().length() > MAX_NOTE) {
      throw new InvalidInputException("text", "A note can be at most " + MAX_NOTE + " characters.");
    }
    return new CaseMessage(id, caseId, NOTE, authorId, text.strip(), null, now);
  }

  public boolean isNote() {
    return NOTE.equals(direction);
  }

  /** For inbound mail: where it came from and its subject. */
  public CaseMessage from(String senderAddress, String mailSubject) {
    sender = senderAddress;
    subject = mailSubject;
    return this;
  }

  public String subject() {
    return subject;
  }

  public String sender() {
    return sender;
  }

  public String messageId() {
    return messageId;
  }

  public String direction() {
    return direction;
  }

  public String authorId() {
    return authorId;
  }

  public String body() {
    return body;
  }

  public long createdAt() {
    return createdAt;
  }
}
