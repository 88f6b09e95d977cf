package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactAttributes;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.persistence.ContactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adding contacts one at a time or in bulk; an existing email (any case) is updated, never
 * duplicated.
 */
@ApplicationScoped
public class ContactService {
  public static final int MAX_BULK = 10_000;

  @Inject ContactRepository contacts;

  @Inject Clock clock;

  public record Saved(Contact contact, boolean created) {}

  public record BulkResult(int created, int updated) {}

  public record ContactPage(List<Contact> contacts, long total, int page, int size) {}

  @Transactional
  public Saved save(ContactInput input) {
    List<FieldError> errors = input.problems("");
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return upsert(input, new HashMap<>(), "");
  }

  /** All or nothing: any bad entry rejects the whole batch, naming it as {@code [index].field}. */
  @Transactional
  public BulkResult saveAll(List<ContactInput> inputs) {
    List<FieldError> errors = new ArrayList<>();
    if (inputs == null || inputs.isEmpty()) {
      errors.add(new FieldError("body", "must be a non-empty JSON array of contacts"));
    } else if (inputs.size() > MAX_BULK) {
      errors.add(
          new FieldError("body", "must contain at most " + MAX_BULK + " contacts per request"));
    } else {
      for (int i = 0; i < inputs.size(); i++) {
        ContactInput input = inputs.get(i);
        if (input == null) {
          errors.add(new FieldError("[" + i + "]", "must be a contact object"));
        } else {
          errors.addAll(input.problems("[" + i + "]."));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Map<String, Contact> seen = new HashMap<>();
    int created = 0;
    int updated = 0;
    for (int i = 0; i < inputs.size(); i++) {
      if (upsert(inputs.get(i), seen, "[" + i + "].").created()) {
        created++;
      } else {
        updated++;
      }
    }
    return new BulkResult(created, updated);
  }

  private Saved upsert(ContactInput input, Map<String, Contact> seen, String prefix) {
    String key = Contact.keyOf(input.email());
    Contact existing = seen.get(key);
    if (existing == null) {
      existing = findByEmail(key).orElse(null);
    }
    if (existing != null) {
      Map<String, String> merged = existing.merged(input.attributesOrEmpty());
      if (!ContactAttributes.fit(merged)) {
        throw new InvalidInputException(
            prefix + "attributes",
            "would give "
                + existing.email()
                + " "
                + merged.size()
                + " attributes; a contact has at most "
                + ContactAttributes.MAX
                + " (30,000 characters in all)");
      }
      existing.update(input.cleanName(), input.attributesOrEmpty());
      seen.put(key, existing);
      return new Saved(existing, false);
    }
    Contact contact =
        new Contact(
            Ids.newId(),
            input.email().strip(),
            input.cleanName(),
            input.attributesOrEmpty(),
            clock.millis());
    contacts.add(contact);
    seen.put(key, contact);
    return new Saved(contact, true);
  }

  public Optional<Contact> findByEmail(String emailKey) {
    return contacts.byEmailKey(emailKey);
  }

  /** Case-insensitive search in email, name and attribute values, ordered by email. */
  public ContactPage search(String query, int page, int size) {
    int safeSize = Math.min(Math.max(size, 1), 200);
    int safePage = Math.max(page, 1);
    ContactRepository.Found found = contacts.search(query, safePage, safeSize);
    return new ContactPage(found.contacts(), found.total(), safePage, safeSize);
  }
}
