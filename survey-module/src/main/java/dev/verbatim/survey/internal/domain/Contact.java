package dev.verbatim.survey.internal.domain;

import dev.verbatim.survey.api.ContactView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * Someone who can be surveyed. The email is unique regardless of case. The attributes live in the
 * contact's own row ({@link ContactAttributes}): one row a contact keeps the import fast.
 */
@Entity
@Table(name = "svy_contact")
public class Contact {
  @Id private String id;
  private String email;

  @Column(name = "email_key")
  private String emailKey;

  private String name;

  @Column(name = "created_at")
  private long createdAt;

  @Column(name = "attribute_text")
  private String attributeText;

  @Column(name = "attribute_search")
  private String attributeSearch;

  protected Contact() {}

  public Contact(String id, String email, String name, Map<String, String> attributes, long now) {
    this.id = id;
    this.email = email;
    this.emailKey = keyOf(email);
    this.name = name;
    this.createdAt = now;
    setAttributes(attributes);
  }

  public static String keyOf(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** The attributes this contact would have after an update with these. */
  public Map<String, String> merged(Map<String, String> newAttributes) {
    Map<String, String> merged = ContactAttributes.parse(attributeText);
    merged.putAll(newAttributes);
    return merged;
  }

  /**
   * Newer details win; attributes not mentioned are kept. Callers check {@link #merged} with {@link
   * ContactAttributes#fit} first.
   */
  public void update(String newName, Map<String, String> newAttributes) {
    if (newName != null && !newName.isBlank()) {
      name = newName;
    }
    setAttributes(merged(newAttributes));
  }

  private void setAttributes(Map<String, String> attributes) {
    if (!ContactAttributes.fit(attributes)) {
      throw new IllegalArgumentException(
          "a contact has at most " + ContactAttributes.MAX + " attributes");
    }
    this.attributeText = ContactAttributes.text(attributes);
    this.attributeSearch = ContactAttributes.search(attributes);
  }

  public String id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String emailKey() {
    return emailKey;
  }

  public Map<String, String> attributes() {
    return Collections.unmodifiableMap(ContactAttributes.parse(attributeText));
  }

  public ContactView toView() {
    return new ContactView(id, email, name, attributes());
  }
}
