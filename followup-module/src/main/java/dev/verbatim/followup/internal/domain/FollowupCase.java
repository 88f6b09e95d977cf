package dev.verbatim.followup.internal.domain;

import dev.verbatim.followup.api.CaseSnapshot;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** One customer comment and what was done about it. Always has an owner. */
@Entity
@Table(name = "fup_case")
public class FollowupCase {
  static final int MAX_REPLY = 10_000;

  @Id private String id;

  /** The case as other modules were last told of it; null for a case created in this unit. */
  @Transient private CaseSnapshot published;

  @Column(name = "response_id")
  private String responseId;

  @Column(name = "survey_id")
  private String surveyId;

  @Column(name = "contact_id")
  private String contactId;

  @Column(name = "question_key")
  private String questionKey;

  @Column(name = "comment_text")
  private String comment;

  private Integer score;

  @Column(name = "owner_id")
  private String ownerId;

  @Column(name = "team_id")
  private String teamId;

  @Column(name = "routed_by")
  private String routedBy;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  @Column(name = "root_cause")
  private String rootCause;

  private String resolution;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "first_reply_at")
  private Long firstReplyAt;

  @Column(name = "closed_at")
  private Long closedAt;

  @Enumerated(EnumType.STRING)
  private CasePriority priority;

  @Column(name = "due_at")
  private Long dueAt;

  @Column(name = "escalation_level")
  private int escalationLevel;

  @Column(name = "escalated_at")
  private Long escalatedAt;

  /**
   * {@link ReplyTokens#hash} of the token in the per-case reply address ({@code
   * reply+<token>@domain}), never the token itself; set on the first reply.
   */
  @Column(name = "reply_token")
  private String replyTokenHash;

  /** Message-ID of the first mail to the customer: later mails thread under it. */
  @Column(name = "thread_message_id")
  private String threadMessageId;

  @Column(name = "reopened_count")
  private int reopenedCount;

  protected FollowupCase() {}

  public FollowupCase(
      String id,
      String responseId,
      String surveyId,
      String contactId,
      String questionKey,
      String comment,
      Integer score,
      Assignment assignment,
      SlaPolicy sla,
      long now) {
    this.id = id;
    this.responseId = responseId;
    this.surveyId = surveyId;
    this.contactId = contactId;
    this.questionKey = questionKey;
    this.comment = comment;
    this.score = score;
    this.ownerId = assignment.ownerId();
    this.teamId = assignment.teamId();
    this.routedBy = assignment.rule();
    this.status = CaseStatus.OPEN;
    this.createdAt = now;
    this.priority = sla.priorityFor(score);
    this.dueAt = sla.dueAt(priority, now);
  }

  /** Records a reply to the customer; the first one sets the time to first reply. */
  public void reply(String text, long now) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "Write a reply before sending.");
    }
    if (text.length() > MAX_REPLY) {
      throw new InvalidInputException(
          "text", "A reply can be at most " + MAX_REPLY + " characters.");
    }
    if (status == CaseStatus.CLOSED) {
      throw new StateConflictException("This case is closed; reopen it before replying.");
    }
    status = CaseStatus.REPLIED;
    if (firstReplyAt == null) {
      firstReplyAt = now;
    }
  }

  /**
   * Closes the case; a root cause from the taxonomy is required so recurring problems can be
   * counted.
   */
  public void close(RootCause cause, String resolutionText, long now) {
    if (cause == null) {
      throw new InvalidInputException("rootCause", "Choose a root cause from the list.");
    }
    if (resolutionText != null && resolutionText.length() > 2000) {
      throw new InvalidInputException(
          "resolution", "The resolution can be at most 2000 characters.");
    }
    if (status == CaseStatus.CLOSED) {
      throw new StateConflictException("This case is already closed.");
    }
    status = CaseStatus.CLOSED;
    rootCause = cause.code();
    resolution = resolutionText == null || resolutionText.isBlank() ? null : resolutionText.strip();
    closedAt = now;
  }

  /**
   * Back to work: a closed case the customer wrote to again (or an owner reopened) is OPEN and
   * answerable.
   */
  public void reopen(SlaPolicy sla, long now) {
    if (status != CaseStatus.CLOSED) {
      throw new StateConflictException("Only a closed case can be reopened.");
    }
    status = CaseStatus.OPEN;
    closedAt = null;
    rootCause = null;
    resolution = null;
    reopenedCount++;
    escalationLevel = 0;
    escalatedAt = null;
    dueAt = sla.dueAt(priority, now);
  }

  /** The customer wrote back: the owner owes an answer again (a closed case reopens). */
  public void customerReplied(SlaPolicy sla, long now) {
    if (status == CaseStatus.CLOSED) {
      reopen(sla, now);
    } else if (status == CaseStatus.REPLIED) {
      status = CaseStatus.OPEN;
      escalationLevel = 0;
      escalatedAt = null;
      dueAt = sla.dueAt(priority, now);
    }
  }

  public void reassign(Assignment assignment) {
    ownerId = assignment.ownerId();
    teamId = assignment.teamId();
    routedBy = assignment.rule();
  }

  /** Overdue: {@code level} 1 tells the team lead, 2 the program managers. */
  public void markEscalated(int level, long now) {
    if (level > escalationLevel) {
      escalationLevel = level;
      escalatedAt = now;
    }
  }

  public boolean isOverdue(long now) {
    return status == CaseStatus.OPEN && dueAt != null && now > dueAt;
  }

  /**
   * Sets the reply token's hash and the thread id the first time a mail goes to the customer; later
   * calls keep them.
   */
  public void startThread(String tokenHash, String messageId) {
    if (replyTokenHash == null) {
      replyTokenHash = tokenHash;
    }
    if (threadMessageId == null) {
      threadMessageId = messageId;
    }
  }

  @PostLoad
  void loaded() {
    published = snapshot();
  }

  /** The case as reports see it now. */
  public CaseSnapshot snapshot() {
    return new CaseSnapshot(
        id,
        responseId,
        surveyId,
        contactId,
        questionKey,
        comment,
        score,
        teamId,
        ownerId,
        status.name(),
        priority == null ? null : priority.name(),
        createdAt,
        dueAt,
        firstReplyAt,
        closedAt,
        rootCause,
        escalationLevel);
  }

  /**
   * Marks the current state as told to other modules.
   *
   * @return the state told before (as loaded, or as of the previous change in this unit), null for
   *     a new case
   */
  public CaseSnapshot publish(CaseSnapshot now) {
    CaseSnapshot before = published;
    published = now;
    return before;
  }

  public boolean isOwnedBy(String userId) {
    return ownerId.equals(userId);
  }

  public String id() {
    return id;
  }

  public String responseId() {
    return responseId;
  }

  public String surveyId() {
    return surveyId;
  }

  public String contactId() {
    return contactId;
  }

  public String questionKey() {
    return questionKey;
  }

  public String comment() {
    return comment;
  }

  public Integer score() {
    return score;
  }

  public String ownerId() {
    return ownerId;
  }

  public String teamId() {
    return teamId;
  }

  public String routedBy() {
    return routedBy;
  }

  public CaseStatus status() {
    return status;
  }

  public String rootCause() {
    return rootCause;
  }

  public String resolution() {
    return resolution;
  }

  public long createdAt() {
    return createdAt;
  }

  public Long firstReplyAt() {
    return firstReplyAt;
  }

  public Long closedAt() {
    return closedAt;
  }

  public CasePriority priority() {
    return priority;
  }

  public Long dueAt() {
    return dueAt;
  }

  public int escalationLevel() {
    return escalationLevel;
  }

  public Long escalatedAt() {
    return escalatedAt;
  }

  /**
   * Replaces a reply token stored in plain by releases before tokens were hashed: from now on the
   * case answers to its derived token (older mails still thread by their Message-ID).
   */
  public void forgetPlainReplyToken(String tokenHash) {
    if (replyTokenHash != null && replyTokenHash.length() == ReplyTokens.PLAIN_LENGTH) {
      replyTokenHash = tokenHash;
    }
  }

  public String replyTokenHash() {
    return replyTokenHash;
  }

  public String threadMessageId() {
    return threadMessageId;
  }

  public int reopenedCount() {
    return reopenedCount;
  }
}
