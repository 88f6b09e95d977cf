package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.StateConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A survey: DRAFT while being written, PUBLISHED when it can be sent, CLOSED when it takes no more
 * answers.
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
  @OrderBy("position")
  private List<Question> questions = new ArrayList<>();

  protected Survey() {}

  public Survey(
      String id, String title, String intro, String thankYou, List<Question> questions, long now) {
    this.id = id;
    this.title = title;
    this.intro = intro;
    this.thankYou = thankYou;
    this.status = DRAFT;
    this.createdAt = now;
    this.questions.addAll(questions);
  }

  public void publish(long now) {
    if (!DRAFT.equals(status)) {
      throw new StateConflictException(
          "Only a draft can be published; this survey is " + status.toLowerCase() + ".");
    }
    status = PUBLISHED;
    publishedAt = now;
  }

  public boolean acceptsResponses() {
    return PUBLISHED.equals(status);
  }

  public boolean isPublished() {
    return PUBLISHED.equals(status);
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

  public List<Question> questions() {
    return List.copyOf(questions);
  }
}
