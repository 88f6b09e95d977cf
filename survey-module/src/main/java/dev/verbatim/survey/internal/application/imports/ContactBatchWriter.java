package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.survey.internal.domain.Contact;
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
 * lookups, then JDBC batches), the row problems, and the job's counters. A crash loses at most the
 * batch in flight, never half of it.
 */
@ApplicationScoped
public class ContactBatchWriter {
  public static final int BATCH_SIZE = 500;

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  @Inject ContactImportStore store;
  @Inject Clock clock;

  public record Written(int created, int updated) {}

  /** {@code rows} hold accepted rows (distinct emails) and rejected ones. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Written write(String importId, List<ContactCsvReader.Row> rows, int errorsKept)
      throws SQLException {
    List<ContactInput> accepted = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    int rejected = 0;
    for (ContactCsvReader.Row row : rows) {
      if (row.accepted()) {
        accepted.add(row.contact());
      } else {
        rejected++;
        for (RowProblem p : row.problems()) {
          if (errorsKept + problems.size() < ContactImportStore.MAX_ERRORS) {
            problems.add(p);
          }
        }
      }
    }
    try (Connection c = dataSource.getConnection()) {
      Written written = upsert(c, accepted);
      store.recordBatch(
          c,
          importId,
          rows.size(),
          written.created(),
          written.updated(),
          rejected,
          problems,
          errorsKept);
      return written;
    }
  }

  private Written upsert(Connection c, List<ContactInput> contacts) throws SQLException {
    if (contacts.isEmpty()) {
      return new Written(0, 0);
    }
    Map<String, String> existing = existingIds(c, contacts);
    long now = clock.millis();
    int created = 0;
    List<String[]> attributes = new ArrayList<>();
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO svy_contact (id, email, email_key, name, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)");
        PreparedStatement rename =
            c.prepareStatement("UPDATE svy_contact SET name = ? WHERE id = ?");
        PreparedStatement forget =
            c.prepareStatement(
                "DELETE FROM svy_contact_attribute WHERE contact_id = ? AND name = ?")) {
      boolean renames = false;
      boolean forgets = false;
      for (ContactInput input : contacts) {
        String key = Contact.keyOf(input.email());
        String id = existing.get(key);
        String name = input.cleanName();
        if (id == null) {
          id = Ids.newId();
          insert.setString(1, id);
          insert.setString(2, input.email().strip());
          insert.setString(3, key);
          insert.setString(4, name);
          insert.setLong(5, now);
          insert.addBatch();
          created++;
        } else {
          if (name != null) {
            rename.setString(1, name);
            rename.setString(2, id);
            rename.addBatch();
            renames = true;
          }
          for (String attribute : input.attributesOrEmpty().keySet()) {
            forget.setString(1, id);
            forget.setString(2, attribute);
            forget.addBatch();
            forgets = true;
          }
        }
        for (Map.Entry<String, String> a : input.attributesOrEmpty().entrySet()) {
          attributes.add(new String[] {id, a.getKey(), a.getValue()});
        }
      }
      if (created > 0) {
        insert.executeBatch();
      }
      if (renames) {
        rename.executeBatch();
      }
      if (forgets) {
        forget.executeBatch();
      }
    }
    if (!attributes.isEmpty()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO svy_contact_attribute (contact_id, name, attr_value) VALUES (?, ?, ?)")) {
        for (String[] a : attributes) {
          insert.setString(1, a[0]);
          insert.setString(2, a[1]);
          insert.setString(3, a[2]);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    return new Written(created, contacts.size() - created);
  }

  /**
   * email_key to id for the contacts that already exist. One indexed lookup per key through one
   * prepared statement: measured on Derby, a single {@code email_key IN (500 parameters)} query was
   * planned as a table scan (the plan was compiled while the table was small and then cached),
   * which made a 100,000-row import quadratic (184 rows/s); the keyed lookups keep it linear.
   */
  private static Map<String, String> existingIds(Connection c, List<ContactInput> contacts)
      throws SQLException {
    Map<String, String> ids = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement("SELECT id FROM svy_contact WHERE email_key = ?")) {
      for (ContactInput input : contacts) {
        String key = Contact.keyOf(input.email());
        select.setString(1, key);
        try (ResultSet row = select.executeQuery()) {
          if (row.next()) {
            ids.put(key, row.getString(1));
          }
        }
      }
    }
    return ids;
  }
}
