package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactAttributes;
import dev.verbatim.survey.internal.domain.ContactInput;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes one batch of imported rows in its own transaction: contacts created or updated (keyed
 * lookups, then multi-row inserts and batched updates of one row a contact), the row problems, and
 * the job's counters. A crash loses at most the batch in flight, never half of it.
 */
@ApplicationScoped
public class ContactBatchWriter {
  /**
   * Rows per transaction: each commit forces Derby's log to disk, so fewer, bigger batches; 4,000
   * keeps a batch's row locks (one a contact, attributes are in its row) under Derby's lock
   * escalation threshold of 5,000, so the contacts page is not locked out while a batch runs.
   */
  public static final int BATCH_SIZE = 4000;

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  @Inject ContactImportStore store;
  @Inject Clock clock;

  /** {@code problemsKept}: the row problems of this batch that were stored. */
  public record Written(int created, int updated, int problemsKept) {}

  /** {@code rows} hold accepted rows (distinct emails) and rejected ones. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Written write(String importId, List<ContactCsvReader.Row> rows, int errorsKept)
      throws SQLException {
    List<ContactInput> accepted = new ArrayList<>();
    for (ContactCsvReader.Row row : rows) {
      if (row.accepted()) {
        accepted.add(row.contact());
      }
    }
    try (Connection c = dataSource.getConnection()) {
      ContactChanges changes = ContactChanges.of(accepted, stored(c, accepted), Ids::newId);
      write(c, changes);
      List<RowProblem> problems = new ArrayList<>();
      int rejected = 0;
      Map<String, ContactChanges.TooMany> tooMany = new HashMap<>();
      changes.tooMany().forEach(t -> tooMany.put(t.emailKey(), t));
      for (ContactCsvReader.Row row : rows) {
        List<RowProblem> rowProblems = row.problems();
        if (row.accepted()) {
          ContactChanges.TooMany over = tooMany.get(Contact.keyOf(row.contact().email()));
          if (over == null) {
            continue;
          }
          rowProblems =
              List.of(
                  new RowProblem(
                      row.line(),
                      "",
                      "would give the contact "
                          + over.count()
                          + " attributes; a contact has at most "
                          + ContactAttributes.MAX
                          + " (30,000 characters in all); the contact was left as it was"));
        }
        rejected++;
        for (RowProblem p : rowProblems) {
          if (errorsKept + problems.size() < ContactImportStore.MAX_ERRORS) {
            problems.add(p);
          }
        }
      }
      store.recordBatch(
          c,
          importId,
          rows.size(),
          changes.created(),
          changes.updated(),
          rejected,
          problems,
          errorsKept);
      return new Written(changes.created(), changes.updated(), problems.size());
    }
  }

  private void write(Connection c, ContactChanges changes) throws SQLException {
    long now = clock.millis();
    List<Object[]> contactRows = new ArrayList<>(changes.newContacts().size());
    for (ContactChanges.NewContact contact : changes.newContacts()) {
      contactRows.add(
          new Object[] {
            contact.id(),
            contact.email(),
            contact.emailKey(),
            contact.name(),
            now,
            ContactAttributes.text(contact.attributes()),
            ContactAttributes.search(contact.attributes())
          });
    }
    MultiRowInsert.insert(
        c,
        "svy_contact",
        List.of(
            "id", "email", "email_key", "name", "created_at", "attribute_text", "attribute_search"),
        contactRows);
    if (!changes.changed().isEmpty()) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE svy_contact SET name = ?, attribute_text = ?, attribute_search = ?"
                  + " WHERE id = ?")) {
        for (ContactChanges.Changed contact : changes.changed()) {
          update.setString(1, contact.name());
          update.setString(2, ContactAttributes.text(contact.attributes()));
          update.setString(3, ContactAttributes.search(contact.attributes()));
          update.setString(4, contact.contactId());
          update.addBatch();
        }
        update.executeBatch();
      }
    }
  }

  /**
   * The stored contacts among these emails. Keyed lookups through one prepared statement (unique
   * index on email_key): measured on Derby, a single {@code email_key IN (500 parameters)} query
   * was planned as a table scan (the plan was compiled while the table was small and then cached),
   * which made a 100,000-row import quadratic (184 rows/s); the keyed lookups keep it linear.
   */
  private static Map<String, ContactChanges.Stored> stored(
      Connection c, List<ContactInput> contacts) throws SQLException {
    Map<String, ContactChanges.Stored> stored = new HashMap<>();
    if (contacts.isEmpty()) {
      return stored;
    }
    try (PreparedStatement byKey =
        c.prepareStatement(
            "SELECT id, name, attribute_text FROM svy_contact WHERE email_key = ?")) {
      for (ContactInput input : contacts) {
        String key = Contact.keyOf(input.email());
        byKey.setString(1, key);
        try (ResultSet row = byKey.executeQuery()) {
          if (row.next()) {
            stored.put(
                key,
                new ContactChanges.Stored(
                    row.getString(1), row.getString(2), ContactAttributes.parse(row.getString(3))));
          }
        }
      }
    }
    return stored;
  }
}
