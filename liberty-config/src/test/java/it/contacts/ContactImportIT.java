package it.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.Names;
import it.support.StaffMember;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Importing contacts from CSV over the API: good rows are imported, bad rows reported with line,
 * column and reason, an existing contact (email in another case) updated instead of duplicated, and
 * what is exported again cannot run as a spreadsheet formula. Files that are not importable are
 * refused with a problem naming the field.
 */
class ContactImportIT {
  private static ApiClient manager;

  @BeforeAll
  static void manager() {
    manager = StaffMember.create(ApiClient.admin(), "manager", "Ida Importer").logIn();
  }

  static JsonObject finished(ApiClient client, ApiResponse started) {
    started.expectStatus(202);
    String location = started.location();
    assertThat(location).contains("/api/contacts/imports/");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonObject status = client.get(location).expectStatus(200).json();
      if (status.getString("status").equals("DONE")
          || status.getString("status").equals("FAILED")) {
        return status;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the import did not finish in 60 s: " + location);
  }

  @Test
  void goodRowsAreImportedBadRowsReportedAndAnExistingContactUpdated() throws Exception {
    String tag = Names.suffix();
    String existing = "existing." + tag + "@example.com";
    manager
        .postJson(
            "/api/contacts",
            Map.of("email", existing, "name", "Old Name", "attributes", Map.of("Tier", "gold")))
        .expectStatus(201);
    String csv =
        "\uFEFFE-mail,Full Name,Region,Notes\r\n"
            + "ann."
            + tag
            + "@example.com,\"Smith, Ann\",EMEA,\"line one\nline two\"\r\n"
            + "not-an-email-"
            + tag
            + ",Bad Row,EMEA,\r\n"
            + existing.toUpperCase()
            + ",New Name,APAC,moved\r\n"
            + "bob."
            + tag
            + "@example.com,Bob\r\n"
            + "mallory."
            + tag
            + "@example.com,=HYPERLINK(\"http://evil\"),+1,@SUM(A1)\r\n"
            + "ANN."
            + tag
            + "@example.com,Ann twice,EMEA,\r\n";

    JsonObject status =
        finished(
            manager,
            manager.postBytes(
                "/api/contacts/imports?fileName=people.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(status.getString("status")).isEqualTo("DONE");
    assertThat(status.getInt("total")).isEqualTo(6);
    assertThat(status.getInt("processed")).isEqualTo(6);
    assertThat(status.getInt("created")).isEqualTo(2);
    assertThat(status.getInt("updated")).isEqualTo(1);
    assertThat(status.getInt("rejected")).isEqualTo(3);
    assertThat(status.getString("mapping")).contains("email ← \"E-mail\"", "name ← \"Full Name\"");
    assertThat(status.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(
            e -> e.getInt("line") + " " + e.getString("column") + ": " + e.getString("reason"))
        .containsExactly(
            "4 E-mail: is not a valid email address",
            "6 : has 2 fields but the header has 4 columns",
            "8 E-mail: repeats the email of line 2 (duplicate in file)");

    JsonObject found = manager.get("/api/contacts?q=" + tag + "&size=50").expectStatus(200).json();
    assertThat(found.getInt("total"))
        .as("ann, mallory and the existing contact, once")
        .isEqualTo(3);
    JsonObject updated =
        found.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("email").equalsIgnoreCase(existing))
            .findFirst()
            .orElseThrow();
    assertThat(updated.getString("email")).as("the stored spelling is kept").isEqualTo(existing);
    assertThat(updated.getString("name")).isEqualTo("New Name");
    assertThat(updated.getJsonObject("attributes").getString("Region")).isEqualTo("APAC");
    assertThat(updated.getJsonObject("attributes").getString("Tier")).as("kept").isEqualTo("gold");

    ApiResponse export = manager.get("/api/contacts/export?q=" + tag).expectStatus(200);
    assertThat(export.contentType()).startsWith("text/csv");
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .build()
            .parse(new StringReader(export.body().replaceFirst("^\uFEFF", "")))
            .getRecords();
    assertThat(rows).hasSize(3);
    CSVRecord mallory =
        rows.stream().filter(r -> r.get("email").startsWith("mallory.")).findFirst().orElseThrow();
    assertThat(mallory.get("name")).isEqualTo("'=HYPERLINK(\"http://evil\")");
    assertThat(mallory.get("Region")).isEqualTo("'+1");
    assertThat(mallory.get("Notes")).isEqualTo("'@SUM(A1)");
    CSVRecord ann =
        rows.stream().filter(r -> r.get("email").startsWith("ann.")).findFirst().orElseThrow();
    assertThat(ann.get("Notes")).isEqualTo("line one\nline two");

    JsonObject malloryStored =
        manager.get("/api/contacts?q=mallory." + tag).json().getJsonArray("items").getJsonObject(0);
    assertThat(malloryStored.getString("name"))
        .as("stored as the customer's data")
        .isEqualTo("=HYPERLINK(\"http://evil\")");
  }

  @Test
  void searchFindsContactsByAttributeValueIgnoringCase() {
    String tag = Names.suffix();
    manager
        .postJson(
            "/api/contacts",
            Map.of("email", Names.email("sam"), "attributes", Map.of("City", "Zürich-" + tag)))
        .expectStatus(201);
    JsonObject found =
        manager
            .get(
                "/api/contacts?q="
                    + java.net.URLEncoder.encode(
                        "ZÜRICH-" + tag.toUpperCase(), StandardCharsets.UTF_8))
            .json();
    assertThat(found.getInt("total")).isEqualTo(1);
  }

  @Test
  void filesThatAreNotImportableAreRefusedNamingTheFileAndTheReason() {
    ApiResponse pdf =
        manager
            .postBytes(
                "/api/contacts/imports",
                "application/octet-stream",
                "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1))
            .expectProblem(400);
    assertThat(pdf.errorFields()).containsExactly("file");
    assertThat(pdf.body()).contains("PDF");

    assertThat(
            manager
                .postBytes("/api/contacts/imports", "text/csv", new byte[0])
                .expectProblem(400)
                .body())
        .contains("empty");
    assertThat(
            manager
                .postBytes(
                    "/api/contacts/imports",
                    "text/csv",
                    "name,phone\nAnn,1\n".getBytes(StandardCharsets.UTF_8))
                .expectProblem(400)
                .body())
        .contains("no email column");
    assertThat(
            manager
                .postBytes(
                    "/api/contacts/imports",
                    "text/csv",
                    "email,name\njose@example.com,Jos\u00e9\n"
                        .getBytes(StandardCharsets.ISO_8859_1))
                .expectProblem(400)
                .body())
        .contains("not UTF-8")
        .contains("line 2");
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413() {
    byte[] big = new byte[21 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    ApiResponse tooLarge =
        manager.postBytes("/api/contacts/imports", "text/csv", big).expectProblem(413);
    assertThat(tooLarge.errorFields()).containsExactly("file");
    assertThat(tooLarge.body()).contains("20 MB");
  }
}
