package dev.verbatim.platform.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  @Test
  void aScriptSplitsIntoStatementsAtLineEndingSemicolonsWithoutComments() {
    String script =
        "-- a comment\nCREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1);\nCREATE TABLE b (\n  y VARCHAR(3)\n);\n";
    assertThat(SchemaMigrator.statements(script))
        .containsExactly(
            "CREATE TABLE a (x INT)",
            "INSERT INTO a VALUES (1)",
            "CREATE TABLE b (\n  y VARCHAR(3)\n)");
  }

  @Test
  void thePlatformScriptIsOnTheClasspathAndSplitsIntoItsTables() throws Exception {
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(new PlatformMigrations().scripts().get(0))) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(SchemaMigrator.statements(script))
          .anyMatch(s -> s.startsWith("CREATE TABLE plt_outbox"))
          .anyMatch(s -> s.startsWith("CREATE TABLE plt_staff_user"))
          .noneMatch(s -> s.endsWith(";"));
    }
  }
}
