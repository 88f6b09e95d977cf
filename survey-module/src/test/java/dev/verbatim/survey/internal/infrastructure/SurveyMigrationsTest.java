package dev.verbatim.survey.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.survey.internal.domain.ContactAttributes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Migration V6 on an in-memory Derby with contacts stored the old way (one row per attribute): each
 * contact keeps exactly its attributes. (The same script was run on PostgreSQL 15 by hand.)
 */
class SurveyMigrationsTest {
  private static final String V6 = "db/survey/V6__contact_attributes_in_row.sql";

  @Test
  void attributesStoredAsRowsMoveIntoTheirContactUnchangedUnlessAContactHasMoreThanFifty()
      throws Exception {
    Map<String, String> three =
        Map.of("Region", "EMEA", "Plan", "Team", "Account manager", "Manager 7, Sales");
    Map<String, String> odd = Map.of("Notes", "line one\nline two", "Path", "C:\\new a=b 😀");
    Map<String, String> fifty = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("attribute " + i, "v".repeat(500));
    }
    try (Connection db = migratedBeforeV6()) {
      insert(db, "none", Map.of());
      insert(db, "three", three);
      insert(db, "odd", odd);
      insert(db, "fifty", fifty);
      Map<String, String> fiftyOne = new HashMap<>(fifty);
      fiftyOne.put("one more", "x");
      insert(db, "many", fiftyOne);

      assertThatThrownBy(() -> apply(db, V6))
          .as("refused, and rolled back whole")
          .hasMessageContaining("SVY_V6_CONTACT_OVER_50_ATTRIBUTES");
      assertThat(count(db, "SELECT COUNT(*) FROM svy_contact_attribute WHERE contact_id = 'many'"))
          .isEqualTo(51);

      try (Statement s = db.createStatement()) {
        s.executeUpdate("DELETE FROM svy_contact_attribute WHERE name = 'one more'");
      }
      apply(db, V6);

      assertThat(attributesOf(db))
          .isEqualTo(
              Map.of("none", Map.of(), "three", three, "odd", odd, "fifty", fifty, "many", fifty));
      assertThat(searchTextOf(db, "three")).isEqualTo("manager 7, sales\nteam\nemea\n");
    }
  }

  private static int count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Connection migratedBeforeV6() throws Exception {
    Connection db = DriverManager.getConnection("jdbc:derby:memory:survey-v6;create=true");
    for (String script : new SurveyMigrations().scripts()) {
      if (script.equals(V6)) {
        return db;
      }
      apply(db, script);
    }
    throw new AssertionError(V6 + " is not in SurveyMigrations.scripts()");
  }

  private static void insert(Connection db, String id, Map<String, String> attributes)
      throws SQLException {
    try (PreparedStatement contact =
            db.prepareStatement(
                "INSERT INTO svy_contact (id, email, email_key, name, created_at)"
                    + " VALUES (?, ?, ?, 'N', 0)");
        PreparedStatement attribute =
            db.prepareStatement(
                "INSERT INTO svy_contact_attribute (contact_id, name, attr_value)"
                    + " VALUES (?, ?, ?)")) {
      contact.setString(1, id);
      contact.setString(2, id + "@example.com");
      contact.setString(3, id + "@example.com");
      contact.executeUpdate();
      for (Map.Entry<String, String> a : attributes.entrySet()) {
        attribute.setString(1, id);
        attribute.setString(2, a.getKey());
        attribute.setString(3, a.getValue());
        attribute.executeUpdate();
      }
    }
  }

  private static Map<String, Map<String, String>> attributesOf(Connection db) throws SQLException {
    Map<String, Map<String, String>> result = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery("SELECT id, attribute_text FROM svy_contact")) {
      while (rows.next()) {
        result.put(rows.getString(1), ContactAttributes.parse(rows.getString(2)));
      }
    }
    return result;
  }

  private static String searchTextOf(Connection db, String id) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement("SELECT attribute_search FROM svy_contact WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /** As the platform's SchemaMigrator does: one transaction, statements end with a line's ';'. */
  private static void apply(Connection db, String script) throws SQLException, IOException {
    String text;
    try (InputStream in = SurveyMigrationsTest.class.getClassLoader().getResourceAsStream(script)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.setAutoCommit(false);
    try (Statement statement = db.createStatement()) {
      for (String sql : statements(text)) {
        statement.execute(sql);
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  private static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        result.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    return result;
  }
}
