package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.SafeCsvWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  public void write(String query, OutputStream out) throws SQLException {
    ContactQuery filter = ContactQuery.of(query);
    SafeCsvWriter csv = SafeCsvWriter.open(out);
    try (Connection c = dataSource.getConnection()) {
      List<String> attributes = attributeNames(c, filter);
      List<Object> header = new ArrayList<>(List.of("email", "name"));
      header.addAll(attributes);
      csv.row(header.toArray());
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT c.id, c.email, c.name, a.name, a.attr_value FROM svy_contact c"
                  + " LEFT JOIN svy_contact_attribute a ON a.contact_id = c.id"
                  + filter.where()
                  + " ORDER BY c.email_key, c.id")) {
        bind(select, filter);
        select.setFetchSize(500);
        try (ResultSet rows = select.executeQuery()) {
          String current = null;
          Object[] cells = null;
          Map<String, Integer> column = new HashMap<>();
          for (int i = 0; i < attributes.size(); i++) {
            column.put(attributes.get(i), i + 2);
          }
          while (rows.next()) {
            String id = rows.getString(1);
            if (!id.equals(current)) {
              if (cells != null) {
                csv.row(cells);
              }
              current = id;
              cells = new Object[attributes.size() + 2];
              cells[0] = rows.getString(2);
              cells[1] = rows.getString(3) == null ? "" : rows.getString(3);
              java.util.Arrays.fill(cells, 2, cells.length, "");
            }
            String attribute = rows.getString(4);
            if (attribute != null && column.containsKey(attribute)) {
              cells[column.get(attribute)] = rows.getString(5);
            }
          }
          if (cells != null) {
            csv.row(cells);
          }
        }
      }
    }
    csv.flush();
  }

  private static List<String> attributeNames(Connection c, ContactQuery filter)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT DISTINCT a.name FROM svy_contact_attribute a"
                + " WHERE a.contact_id IN (SELECT c.id FROM svy_contact c"
                + filter.where()
                + ") ORDER BY a.name")) {
      bind(select, filter);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  private static void bind(PreparedStatement statement, ContactQuery filter) throws SQLException {
    List<Object> parameters = filter.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }
}
