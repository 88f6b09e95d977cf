package dev.verbatim.survey.internal.persistence;

import dev.verbatim.platform.api.SafeCsvWriter;
import dev.verbatim.survey.internal.domain.ContactAttributes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The contacts a search finds as CSV (email, name, one column per attribute), streamed row by row
 * from the database through {@link SafeCsvWriter}, so formula-like values cannot run in a
 * spreadsheet and a large export never sits in memory.
 */
@ApplicationScoped
public class ContactExport {
  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  /** Writes the export; a failed query is an {@link IOException} of the stream. */
  public void write(String query, OutputStream out) throws IOException {
    try {
      writeRows(query, out);
    } catch (SQLException e) {
      throw new IOException("contacts export failed", e);
    }
  }

  private void writeRows(String query, OutputStream out) throws SQLException, IOException {
    ContactQuery filter = ContactQuery.of(query);
    SafeCsvWriter csv = SafeCsvWriter.open(out);
    try (Connection c = dataSource.getConnection()) {
      List<String> attributes = attributeNames(c, filter);
      List<Object> header = new ArrayList<>(List.of("email", "name"));
      header.addAll(attributes);
      csv.row(header.toArray());
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT c.email, c.name, c.attribute_text FROM svy_contact c"
                  + filter.where()
                  + " ORDER BY c.email_key, c.id")) {
        bind(select, filter);
        select.setFetchSize(500);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Object[] cells = new Object[attributes.size() + 2];
            cells[0] = rows.getString(1);
            cells[1] = rows.getString(2) == null ? "" : rows.getString(2);
            Map<String, String> values = ContactAttributes.parse(rows.getString(3));
            for (int i = 0; i < attributes.size(); i++) {
              cells[i + 2] = values.getOrDefault(attributes.get(i), "");
            }
            csv.row(cells);
          }
        }
      }
    }
    csv.flush();
  }

  /** Every attribute name the found contacts have, in order (one streamed pass). */
  private static List<String> attributeNames(Connection c, ContactQuery filter)
      throws SQLException {
    Set<String> names = new TreeSet<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT c.attribute_text FROM svy_contact c"
                + filter.where()
                + (filter.where().isEmpty() ? " WHERE" : " AND")
                + " c.attribute_text IS NOT NULL")) {
      bind(select, filter);
      select.setFetchSize(500);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          names.addAll(ContactAttributes.parse(rows.getString(1)).keySet());
        }
      }
    }
    return new ArrayList<>(names);
  }

  private static void bind(PreparedStatement statement, ContactQuery filter) throws SQLException {
    List<Object> parameters = filter.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }
}
