package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The rows one batch of imported contacts has to write, given what the database already holds for
 * their emails: new contacts with their attributes, and for existing ones only what differs (a new
 * name, attributes added or changed; attributes the file does not mention are kept). Re-importing
 * an unchanged file therefore writes nothing but the job's counters.
 */
record ContactChanges(
    List<NewContact> newContacts,
    List<Rename> renames,
    List<AttributeRow> attributeInserts,
    List<AttributeRow> attributeUpdates,
    int created,
    int updated) {

  /** A contact as stored: its id, name and attributes (empty when none were looked up). */
  record Stored(String id, String name, Map<String, String> attributes) {}

  record NewContact(String id, String email, String emailKey, String name) {}

  record Rename(String contactId, String name) {}

  record AttributeRow(String contactId, String name, String value) {}

  /**
   * {@code inputs} have distinct emails (the reader rejects a repeated one); {@code existing} maps
   * {@link Contact#keyOf email keys} to the stored contacts among them.
   */
  static ContactChanges of(
      List<ContactInput> inputs, Map<String, Stored> existing, Supplier<String> newId) {
    List<NewContact> newContacts = new ArrayList<>();
    List<Rename> renames = new ArrayList<>();
    List<AttributeRow> attributeInserts = new ArrayList<>();
    List<AttributeRow> attributeUpdates = new ArrayList<>();
    for (ContactInput input : inputs) {
      String key = Contact.keyOf(input.email());
      String name = input.cleanName();
      Stored stored = existing.get(key);
      if (stored == null) {
        String id = newId.get();
        newContacts.add(new NewContact(id, input.email().strip(), key, name));
        input
            .attributesOrEmpty()
            .forEach((n, v) -> attributeInserts.add(new AttributeRow(id, n, v)));
        continue;
      }
      if (name != null && !name.equals(stored.name())) {
        renames.add(new Rename(stored.id(), name));
      }
      input
          .attributesOrEmpty()
          .forEach(
              (n, v) -> {
                String old = stored.attributes().get(n);
                if (old == null) {
                  attributeInserts.add(new AttributeRow(stored.id(), n, v));
                } else if (!Objects.equals(old, v)) {
                  attributeUpdates.add(new AttributeRow(stored.id(), n, v));
                }
              });
    }
    return new ContactChanges(
        newContacts,
        renames,
        attributeInserts,
        attributeUpdates,
        newContacts.size(),
        inputs.size() - newContacts.size());
  }
}
