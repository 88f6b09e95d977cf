package dev.verbatim.platform.internal.domain;

import dev.verbatim.platform.api.OutboundMail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One queued mail. PENDING until sent (SENT) or given up after too many attempts (FAILED). */
@Entity
@Table(name = "plt_outbox")
public class OutboxMessage {
  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  @Id private String id;

  @Column(name = "message_id")
  private String messageId;

  private String kind;
  private String recipient;

  @Column(name = "recipient_name")
  private String recipientName;

  private String subject;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Column(name = "reply_to")
  private String replyTo;

  @Column(name = "in_reply_to")
  private String inReplyTo;

  private String status;
  private int attempts;

  @Column(name = "next_attempt_at")
  private long nextAttemptAt;

  @Column(name = "lease_until")
  private Long leaseUntil;

  @Column(name = "sender_name")
  private String senderName;

  @Column(name = "unsubscribe_url")
  private String unsubscribeUrl;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "sent_at")
  private Long sentAt;

  protected OutboxMessage() {}

  public OutboxMessage(String id, String messageId, OutboundMail mail, long now) {
    this.id = id;
    this.messageId = messageId;
    this.kind = mail.kind() == null ? "mail" : mail.kind();
    this.recipient = mail.to();
    this.recipientName = mail.toName();
    this.subject = mail.subject();
    this.textBody = mail.textBody();
    this.htmlBody = mail.htmlBody();
    this.replyTo = mail.replyTo();
    this.inReplyTo = mail.inReplyTo();
    this.senderName = mail.senderName();
    this.unsubscribeUrl = mail.unsubscribeUrl();
    this.status = PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** What {@code last_error} keeps of a delivery error: its first 1,000 characters. */
  public static String lastErrorText(String error) {
    return error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
  }

  /** Records a failed attempt: retried after {@code retryAt}, or FAILED when it cannot succeed. */
  public void markFailed(String error, boolean permanent, long retryAt) {
    attempts++;
    lastError = lastErrorText(error);
    leaseUntil = null;
    if (permanent) {
      status = FAILED;
    } else {
      nextAttemptAt = retryAt;
    }
  }

  /**
   * Whether this message may still be sent under the lease it was claimed with: at least {@code
   * margin} ms of it must be left, or the lease could run out mid-send and another sender claim the
   * message too. A message past that point is left alone; its lease expires and it is claimed
   * again.
   */
  public boolean leaseLeftAtLeast(long margin, long now) {
    return leaseLeftAtLeast(leaseUntil, margin, now);
  }

  static boolean leaseLeftAtLeast(Long leaseUntil, long margin, long now) {
    return leaseUntil != null && now <= leaseUntil - margin;
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

  public String recipient() {
    return recipient;
  }

  public String recipientName() {
    return recipientName;
  }

  public String subject() {
    return subject;
  }

  public String textBody() {
    return textBody;
  }

  public String htmlBody() {
    return htmlBody;
  }

  public String replyTo() {
    return replyTo;
  }

  public String inReplyTo() {
    return inReplyTo;
  }

  public String senderName() {
    return senderName;
  }

  public String unsubscribeUrl() {
    return unsubscribeUrl;
  }

  public String status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }
}
