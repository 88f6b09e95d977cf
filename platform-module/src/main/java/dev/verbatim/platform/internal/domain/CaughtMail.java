package dev.verbatim.platform.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mail kept by the built-in mail catcher instead of being sent (no SMTP host configured). */
@Entity
@Table(name = "plt_caught_mail")
public class CaughtMail {
  @Id private String id;

  @Column(name = "message_id")
  private String messageId;

  private String kind;
  private String sender;
  private String recipient;
  private String subject;
  private String headers;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Column(name = "caught_at")
  private long caughtAt;

  protected CaughtMail() {}

  public CaughtMail(
      String id,
      String messageId,
      String kind,
      String sender,
      String recipient,
      String subject,
      String headers,
      String textBody,
      String htmlBody,
      long caughtAt) {
    this.id = id;
    this.messageId = messageId;
    this.kind = kind;
    this.sender = sender;
    this.recipient = recipient;
    this.subject = subject;
    this.headers = headers;
    this.textBody = textBody;
    this.htmlBody = htmlBody;
    this.caughtAt = caughtAt;
  }

  public String id() {
    return id;
  }

  public String messageId() {
    return messageId;
  }

  public String kind() {
    return kind;
  }

  public String sender() {
    return sender;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public String headers() {
    return headers;
  }

  public String textBody() {
    return textBody;
  }

  public String htmlBody() {
    return htmlBody;
  }

  public long caughtAt() {
    return caughtAt;
  }
}
