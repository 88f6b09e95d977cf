package dev.verbatim.followup.internal.domain;

import dev.verbatim.platform.api.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply an owner can start from. Placeholders in either style are filled from the case: {@code
 * {{customer.name}}} or {@code {customerName}}, {@code {{survey.title}}} or {@code {surveyTitle}},
 * {@code {{comment}}} or {@code {comment}}, {@code {{owner.name}}} or {@code {ownerName}}.
 */
@Entity
@Table(name = "fup_reply_template")
public class ReplyTemplate {
  static final int MAX_NAME = 100;
  static final int MAX_BODY = 5000;
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*\\}\\}|\\{([A-Za-z]+)\\}");

  /** The values a placeholder can take, by every name it may be written with. */
  public record Values(String customerName, String surveyTitle, String comment, String ownerName) {
    Map<String, String> byName() {
      return Map.of(
          "customer.name", customerName,
          "customername", customerName,
          "survey.title", surveyTitle,
          "surveytitle", surveyTitle,
          "comment", comment,
          "owner.name", ownerName,
          "ownername", ownerName);
    }
  }

  @Id private String id;

  private String name;

  private String body;

  @Column(name = "created_at")
  private long createdAt;

  protected ReplyTemplate() {}

  public ReplyTemplate(String id, String name, String body, long now) {
    this.id = id;
    this.createdAt = now;
    change(name, body);
  }

  public void change(String newName, String newBody) {
    if (newName == null || newName.isBlank()) {
      throw new InvalidInputException("name", "Give the template a name.");
    }
    if (newName.strip().length() > MAX_NAME) {
      throw new InvalidInputException("name", "A name can be at most " + MAX_NAME + " characters.");
    }
    if (newBody == null || newBody.isBlank()) {
      throw new InvalidInputException("body", "Write the text of the template.");
    }
    if (newBody.length() > MAX_BODY) {
      throw new InvalidInputException(
          "body", "A template can be at most " + MAX_BODY + " characters.");
    }
    List<String> unknown = unknownPlaceholders(newBody);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "body",
          "Unknown placeholder(s) "
              + String.join(", ", unknown)
              + "; use {{customer.name}}, {{survey.title}}, {{comment}} or {{owner.name}}.");
    }
    this.name = newName.strip();
    this.body = newBody.strip();
  }

  /** The body with every placeholder replaced by its value (empty when the value is unknown). */
  public String render(Values values) {
    return render(body, values);
  }

  static String render(String text, Values values) {
    Map<String, String> byName = values.byName();
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
      String value = byName.containsKey(key) ? byName.get(key) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static List<String> unknownPlaceholders(String text) {
    Map<String, String> known = new Values("", "", "", "").byName();
    List<String> unknown = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String key = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
      if (!known.containsKey(key) && !unknown.contains(m.group())) {
        unknown.add(m.group());
      }
    }
    return unknown;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String body() {
    return body;
  }

  public long createdAt() {
    return createdAt;
  }
}
