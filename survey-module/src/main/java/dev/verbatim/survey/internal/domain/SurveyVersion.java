package dev.verbatim.survey.internal.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One version of a survey: what customers see (texts, sender, colour, questions). DRAFT while being
 * written, PUBLISHED while new invitations answer it, RETIRED once a newer version was published. A
 * published version is never changed.
 */
@Entity
@Table(name = "svy_survey_version")
public class SurveyVersion {
  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";
  public static final String RETIRED = "RETIRED";

  @Id private String id;

  @Column(name = "version_no")
  private int number;

  private String title;
  private String intro;

  @Column(name = "thank_you")
  private String thankYou;

  @Column(name = "sender_name")
  private String senderName;

  @Column(name = "accent_colour")
  private String accentColour;

  private String status;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "published_at")
  private Long publishedAt;

  @Column(name = "brevity_override_by")
  private String brevityOverrideBy;

  @Column(name = "brevity_override_at")
  private Long brevityOverrideAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "version_id")
  @OrderBy("position")
  private List<Question> questions = new ArrayList<>();

  protected SurveyVersion() {}

  SurveyVersion(
      String id,
      int number,
      String title,
      String intro,
      String thankYou,
      String senderName,
      String accentColour,
      List<Question> questions,
      long now) {
    this.id = id;
    this.number = number;
    this.title = title;
    this.intro = intro;
    this.thankYou = thankYou;
    this.senderName = senderName;
    this.accentColour = accentColour;
    this.status = DRAFT;
    this.createdAt = now;
    this.questions.addAll(questions);
  }

  /**
   * Takes over a re-validated draft's content. Questions are matched by key and updated in place,
   * so a key keeps its row (the unique key per version is never briefly held twice).
   */
  void replaceContent(SurveyVersion content) {
    title = content.title;
    intro = content.intro;
    thankYou = content.thankYou;
    senderName = content.senderName;
    accentColour = content.accentColour;
    Map<String, Question> current =
        questions.stream().collect(Collectors.toMap(Question::key, Function.identity()));
    List<Question> next = new ArrayList<>();
    for (Question incoming : content.questions) {
      Question kept = current.get(incoming.key());
      if (kept == null) {
        next.add(incoming);
      } else {
        kept.copyFrom(incoming);
        next.add(kept);
      }
    }
    next.sort(Comparator.comparingInt(Question::position));
    questions.clear();
    questions.addAll(next);
  }

  void publish(long now, String overriddenBy) {
    status = PUBLISHED;
    publishedAt = now;
    if (overriddenBy != null) {
      brevityOverrideBy = overriddenBy;
      brevityOverrideAt = now;
    }
  }

  void retire() {
    status = RETIRED;
  }

  public boolean isDraft() {
    return DRAFT.equals(status);
  }

  public boolean isPublished() {
    return PUBLISHED.equals(status);
  }

  public String id() {
    return id;
  }

  public int number() {
    return number;
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

  public String senderName() {
    return senderName;
  }

  public String accentColour() {
    return accentColour;
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

  /** Who published this version past the brevity limits, if anyone did. */
  public Optional<String> brevityOverrideBy() {
    return Optional.ofNullable(brevityOverrideBy);
  }

  public Long brevityOverrideAt() {
    return brevityOverrideAt;
  }

  public List<Question> questions() {
    return List.copyOf(questions);
  }

  public Optional<Question> question(String key) {
    return questions.stream().filter(q -> q.key().equals(key)).findFirst();
  }
}
