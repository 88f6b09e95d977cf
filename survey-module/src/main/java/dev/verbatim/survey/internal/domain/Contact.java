package dev.verbatim.survey.internal.domain;

import dev.verbatim.survey.api.ContactView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Someone who can be surveyed. The email is unique regardless of case. */
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

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "svy_contact_attribute", joinColumns = @JoinColumn(name = "contact_id"))
  @MapKeyColumn(name = "name")
  @Column(name = "attr_value")
  private Map<String, String> attributes = new TreeMap<>();

  protected Contact() {}

  public Contact(String id, String email, String name, Map<String, String> attributes, long now) {
    this.id = id;
    this.email = email;
    this.emailKey = keyOf(email);
    this.name = name;
    this.createdAt = now;
    this.attributes.putAll(attributes);
  }

  public static String keyOf(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** Newer details win; attributes not mentioned are kept. */
  public void update(String newName, Map<String, String> newAttributes) {
    if (newName != null && !newName.isBlank()) {
      name = newName;
    }
    attributes.putAll(newAttributes);
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
    return Map.copyOf(attributes);
  }

  public ContactView toView() {
    return new ContactView(id, email, name, Map.copyOf(attributes));
  }
}
