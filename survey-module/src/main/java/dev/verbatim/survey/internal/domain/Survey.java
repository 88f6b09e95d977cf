package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.QuestionType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey: DRAFT until its first version is published, PUBLISHED when it can be sent, CLOSED when
 * it takes no more answers. Its id never changes; its content lives in numbered {@link
 * SurveyVersion}s, and a published version is never edited: editing starts the next version. The
 * title, texts, sender and colour columns here mirror the live version (for lists).
 */
@Entity
@Table(name = "svy_survey")
public class Survey {
  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";
  public static final String CLOSED = "CLOSED";

  @Id private String id;
  private String title;
  private String intro;

  @Column(name = "thank_you")
  private String thankYou;

  private String status;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "published_at")
  private Long publishedAt;

  @Column(name = "sender_name")
  private String senderName;

  @Column(name = "accent_colour")
  private String accentColour;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "survey_id", nullable = false)
  @OrderBy("number")
  private List<SurveyVersion> versions = new ArrayList<>();

  protected Survey() {}

  Survey(String id, SurveyVersion first, long now) {
    this.id = id;
    this.status = DRAFT;
    this.createdAt = now;
    this.versions.add(first);
    mirror(first);
  }

  /**
   * The version customers answer now: the newest published one (or, before the first publication,
   * the draft, which is what previews show).
   */
  public SurveyVersion live() {
    SurveyVersion live = null;
    for (SurveyVersion v : versions) {
      if (v.isPublished()) {
        live = v;
      }
    }
    return live != null ? live : versions.get(0);
  }

  /** The newest version: the draft being edited, or the live one when there is no draft. */
  public SurveyVersion latest() {
    return versions.get(versions.size() - 1);
  }

  public Optional<SurveyVersion> version(int number) {
    return versions.stream().filter(v -> v.number() == number).findFirst();
  }

  public List<SurveyVersion> versions() {
    return List.copyOf(versions);
  }

  /** Every key any version used, with its type: a key is never reused for another type. */
  public Map<String, QuestionType> keysUsed() {
    Map<String, QuestionType> keys = new HashMap<>();
    for (SurveyVersion v : versions) {
      if (!v.isDraft()) {
        v.questions().forEach(q -> keys.put(q.key(), q.type()));
      }
    }
    return keys;
  }

  /**
   * Saves new content: into the pending draft, or as the next version when the newest one is
   * already published.
   */
  public SurveyVersion saveDraft(SurveyDraft draft, long now) {
    if (CLOSED.equals(status)) {
      throw new StateConflictException("This survey is closed and can no longer be edited.");
    }
    SurveyVersion latest = latest();
    if (latest.isDraft()) {
      latest.replaceContent(draft.toVersion(id, latest.number(), keysUsed(), now));
      if (!isPublished()) {
        mirror(latest);
      }
      return latest;
    }
    SurveyVersion next = draft.toVersion(id, latest.number() + 1, keysUsed(), now);
    versions.add(next);
    return next;
  }

  /**
   * Publishes the pending draft version; the previous version retires (new invitations and fresh
   * answers use the new one, half-done answers keep theirs).
   *
   * @param overriddenBy who explicitly accepted a survey longer than {@link Brevity} allows, or
   *     null
   */
  public SurveyVersion publish(long now, String overriddenBy) {
    if (CLOSED.equals(status)) {
      throw new StateConflictException("This survey is closed and can no longer be published.");
    }
    SurveyVersion draft = latest();
    if (!draft.isDraft()) {
      throw new StateConflictException(
          "Version "
              + draft.number()
              + " is already published; edit the survey to start a new one.");
    }
    List<String> problems = Brevity.problems(draft.questions());
    if (!problems.isEmpty() && overriddenBy == null) {
      throw new StateConflictException(
          "This survey is too long to publish: "
              + String.join(" ", problems)
              + " Shorten it, or publish with the brevity override.");
    }
    for (SurveyVersion v : versions) {
      if (v.isPublished()) {
        v.retire();
      }
    }
    draft.publish(now, problems.isEmpty() ? null : overriddenBy);
    status = PUBLISHED;
    if (publishedAt == null) {
      publishedAt = now;
    }
    mirror(draft);
    return draft;
  }

  public void close() {
    if (!PUBLISHED.equals(status)) {
      throw new StateConflictException(
          "Only a published survey can be closed; this survey is " + status.toLowerCase() + ".");
    }
    status = CLOSED;
  }

  private void mirror(SurveyVersion v) {
    title = v.title();
    intro = v.intro();
    thankYou = v.thankYou();
    senderName = v.senderName();
    accentColour = v.accentColour();
  }

  public boolean acceptsResponses() {
    return PUBLISHED.equals(status);
  }

  public boolean isPublished() {
    return PUBLISHED.equals(status);
  }

  public boolean hasPendingDraft() {
    return latest().isDraft() && !DRAFT.equals(status);
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String intro() {
    return intro;
  }

  public String thankYou() {
    return thankYou;
  }

  public String status() {
    return status;
  }

  public long createdAt() {
    return createdAt;
  }

  public Long publishedAt() {
    return publishedAt;
  }

  /** The display name invitations are sent from; null means the product default. */
  public String senderName() {
    return senderName;
  }

  /**
   * A {@code #rrggbb} colour for buttons and headings in mail and pages; null means the default.
   */
  public String accentColour() {
    return accentColour;
  }

  /** The live version's questions: what a new invitation asks. */
  public List<Question> questions() {
    return live().questions();
  }
}
