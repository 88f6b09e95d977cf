package dev.verbatim.survey.internal.persistence;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.survey.internal.application.imports.ContactChanges;
import dev.verbatim.survey.internal.application.imports.ContactCsvReader;
import dev.verbatim.survey.internal.application.imports.RowProblem;
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
import java.util.Collections;
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

  /**
   * {@code rows} hold accepted rows (distinct emails) and rejected ones. A failed statement rolls
   * the whole batch back (checked exceptions commit by default).
   */
  @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = SQLException.class)
  public Written write(String importId, List<ContactCsvReader.Row> rows, int errorsKept) {
    return translating(
        () -> {
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
                errorsKept,
                clock.millis());
            return new Written(changes.created(), changes.updated(), problems.size());
          }
        });
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

  /** Emails looked up per statement; a shorter last chunk repeats its last key. */
  static final int LOOKUP_KEYS = 100;

  private static final String LOOKUP_SQL =
      "SELECT email_key, id, name, attribute_text FROM svy_contact"
          + " --DERBY-PROPERTIES constraint=SVY_CONTACT_EMAIL\n"
          + " WHERE email_key IN ("
          + String.join(", ", Collections.nCopies(LOOKUP_KEYS, "?"))
          + ")";

  /**
   * The stored contacts among these emails, {@value #LOOKUP_KEYS} keys a statement. Derby's
   * optimizer override (a comment elsewhere, PostgreSQL ignores it) pins the unique index on
   * email_key: without it Derby planned {@code email_key IN (...)} as a table scan when the plan
   * was compiled while the table was small and then cached, which made a 100,000-row import
   * quadratic (184 rows/s). One keyed statement per email stayed linear, but a JFR profile showed a
   * third of the import's time in executing and closing those 100,000 statements.
   */
  private static Map<String, ContactChanges.Stored> stored(
      Connection c, List<ContactInput> contacts) throws SQLException {
    Map<String, ContactChanges.Stored> stored = new HashMap<>();
    if (contacts.isEmpty()) {
      return stored;
    }
    List<String> keys = new ArrayList<>(contacts.size());
    for (ContactInput input : contacts) {
      keys.add(Contact.keyOf(input.email()));
    }
    try (PreparedStatement byKeys = c.prepareStatement(LOOKUP_SQL)) {
      for (int start = 0; start < keys.size(); start += LOOKUP_KEYS) {
        List<String> chunk = keys.subList(start, Math.min(keys.size(), start + LOOKUP_KEYS));
        for (int i = 0; i < LOOKUP_KEYS; i++) {
          byKeys.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
        }
        try (ResultSet row = byKeys.executeQuery()) {
          while (row.next()) {
            stored.put(
                row.getString(1),
                new ContactChanges.Stored(
                    row.getString(2), row.getString(3), ContactAttributes.parse(row.getString(4))));
          }
        }
      }
    }
    return stored;
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  private static <T> T translating(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StorageFailure(e);
    }
  }
}
