package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactAttributes;
import dev.verbatim.survey.internal.domain.ContactInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The rows one batch of imported contacts has to write, given what the database already holds for
 * their emails: new contacts with their attributes, and existing ones only when something differs
 * (a new name, attributes added or changed; attributes the file does not mention are kept).
 * Re-importing an unchanged file therefore writes nothing but the job's counters. A contact the
 * file would give more than {@link ContactAttributes#MAX} attributes is left as it is and reported.
 */
public record ContactChanges(
    List<NewContact> newContacts, List<Changed> changed, List<TooMany> tooMany, int updated) {

  /** A contact as stored: its id, name and attributes. */
  public record Stored(String id, String name, Map<String, String> attributes) {}

  public record NewContact(
      String id, String email, String emailKey, String name, Map<String, String> attributes) {}

  /**
   * An existing contact's name and attributes after the update (all of them, not only new ones).
   */
  public record Changed(String contactId, String name, Map<String, String> attributes) {}

  /** An existing contact the file would give {@code count} attributes. */
  public record TooMany(String emailKey, int count) {}

  public int created() {
    return newContacts.size();
  }

  /**
   * {@code inputs} have distinct emails (the reader rejects a repeated one); {@code existing} maps
   * {@link Contact#keyOf email keys} to the stored contacts among them.
   */
  public static ContactChanges of(
      List<ContactInput> inputs, Map<String, Stored> existing, Supplier<String> newId) {
    List<NewContact> newContacts = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    List<TooMany> tooMany = new ArrayList<>();
    for (ContactInput input : inputs) {
      String key = Contact.keyOf(input.email());
      String name = input.cleanName();
      Map<String, String> attributes = new TreeMap<>(input.attributesOrEmpty());
      Stored stored = existing.get(key);
      if (stored == null) {
        newContacts.add(new NewContact(newId.get(), input.email().strip(), key, name, attributes));
        continue;
      }
      Map<String, String> merged = new TreeMap<>(stored.attributes());
      merged.putAll(attributes);
      if (!ContactAttributes.fit(merged)) {
        tooMany.add(new TooMany(key, merged.size()));
        continue;
      }
      String newName = name == null ? stored.name() : name;
      if (!Objects.equals(newName, stored.name()) || !merged.equals(stored.attributes())) {
        changed.add(new Changed(stored.id(), newName, merged));
      }
    }
    return new ContactChanges(
        newContacts, changed, tooMany, inputs.size() - newContacts.size() - tooMany.size());
  }
}
