package dev.verbatim.survey.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import dev.verbatim.survey.internal.domain.ContactAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/**
 * Migration V6 on an in-memory Derby with contacts stored the old way (one row per attribute): each
 * contact keeps exactly its attributes. Migrated as the application does (ModuleMigrator, Flyway).
 * (The same script was run on PostgreSQL 15 by hand.)
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
    String name = "memory:survey-v6-" + UUID.randomUUID();
    List<String> all = new SurveyMigrations().scripts();
    assertThat(all).as("the survey scripts include V6").contains(V6);
    migrate(name, all.subList(0, all.indexOf(V6)));
    List<String> throughV6 = all.subList(0, all.indexOf(V6) + 1);
    try (Connection db = DriverManager.getConnection("jdbc:derby:" + name)) {
      insert(db, "none", Map.of());
      insert(db, "three", three);
      insert(db, "odd", odd);
      insert(db, "fifty", fifty);
      Map<String, String> fiftyOne = new HashMap<>(fifty);
      fiftyOne.put("one more", "x");
      insert(db, "many", fiftyOne);

      assertThatThrownBy(() -> migrate(name, throughV6))
          .as("refused, and rolled back whole")
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("module survey")
          .hasMessageContaining(V6)
          .hasMessageContaining("SVY_V6_CONTACT_OVER_50_ATTRIBUTES");
      assertThat(count(db, "SELECT COUNT(*) FROM svy_contact_attribute WHERE contact_id = 'many'"))
          .isEqualTo(51);

      try (Statement s = db.createStatement()) {
        s.executeUpdate("DELETE FROM svy_contact_attribute WHERE name = 'one more'");
      }
      assertThat(migrate(name, throughV6).appliedBy("survey")).isEqualTo(1);

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

  /** The survey module's schema up to the given scripts, migrated as the application does. */
  private static ModuleMigrator.Outcome migrate(String databaseName, List<String> scripts) {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName(databaseName);
    ds.setCreateDatabase("create");
    MigrationSource survey =
        new MigrationSource() {
          @Override
          public String module() {
            return "survey";
          }

          @Override
          public int order() {
            return 10;
          }

          @Override
          public List<String> scripts() {
            return scripts;
          }
        };
    return new ModuleMigrator(ds, List.of(survey)).migrate();
  }
}
