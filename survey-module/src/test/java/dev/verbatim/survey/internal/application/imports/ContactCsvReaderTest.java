package dev.verbatim.survey.internal.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactCsvReaderTest {
  @TempDir Path dir;

  private Path file(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "contacts", ".csv");
    Files.write(file, bytes);
    return file;
  }

  private Path file(String text) throws IOException {
    return file(text.getBytes(StandardCharsets.UTF_8));
  }

  private List<ContactCsvReader.Row> rows(Path file) throws Exception {
    try (ContactCsvReader reader = ContactCsvReader.open(file, Set.of())) {
      List<ContactCsvReader.Row> rows = new ArrayList<>();
      ContactCsvReader.Row row;
      while ((row = reader.next()) != null) {
        rows.add(row);
      }
      return rows;
    }
  }

  private String problem(Path file) {
    try {
      rows(file);
    } catch (CsvFileProblem e) {
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the file was accepted");
  }

  @Test
  void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws Exception {
    List<ContactCsvReader.Row> rows =
        rows(
            file(
                "email,name,Notes\r\n"
                    + "ann@example.com,\"Smith, Ann\",\"said \"\"hi\"\"\nthen left\"\r\n"
                    + "bob@example.com,Bob,plain\r\n"));
    assertThat(rows).hasSize(2).allMatch(ContactCsvReader.Row::accepted);
    assertThat(rows.get(0).contact().name()).isEqualTo("Smith, Ann");
    assertThat(rows.get(0).contact().attributes()).containsEntry("Notes", "said \"hi\"\nthen left");
    assertThat(rows.get(1).line()).as("the line break inside quotes counts").isEqualTo(4);
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
    byte[] text = "Email,Name\nann@example.com,Åsa Öberg\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    List<ContactCsvReader.Row> rows = rows(file(withBom));
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.accepted()).isTrue());
    assertThat(rows.get(0).contact().name()).isEqualTo("Åsa Öberg");
  }

  @Test
  void headersAreMappedToEmailNameAndAttributes() throws Exception {
    try (ContactCsvReader reader =
        ContactCsvReader.open(
            file("Full Name,E-mail,Region,Plan (2024),Notes\n"), Set.of("notes"))) {
      ColumnMapping mapping = reader.mapping();
      assertThat(mapping.emailColumn()).isEqualTo(1);
      assertThat(mapping.nameColumn()).isEqualTo(0);
      assertThat(mapping.attributeColumns()).isEqualTo(Map.of(2, "Region", 3, "Plan 2024"));
      assertThat(mapping.describe())
          .isEqualTo(
              "email ← \"E-mail\"; name ← \"Full Name\"; Region ← \"Region\"; Plan 2024 ←"
                  + " \"Plan (2024)\"; ignored: Notes");
    }
    try (ContactCsvReader reader = ContactCsvReader.open(file("Email Address\n"), Set.of())) {
      assertThat(reader.mapping().emailColumn()).isZero();
    }
  }

  @Test
  void badRowsAreReportedWithLineColumnAndReasonAndTheOthersKept() throws Exception {
    String longName = "x".repeat(201);
    List<ContactCsvReader.Row> rows =
        rows(
            file(
                "email,name,Region\n"
                    + "ann@example.com,Ann,EMEA\n"
                    + "not-an-email,Bad,EMEA\n"
                    + ",Nobody,EMEA\n"
                    + "ANN@example.com,Ann again,APAC\n"
                    + "carl@example.com,Carl\n"
                    + "dora@example.com,"
                    + longName
                    + ",EMEA\n"
                    + "eve@example.com,Eve,"
                    + "y".repeat(501)
                    + "\n"
                    + "fred@example.com,Fred,=1+2\n"));
    assertThat(rows.stream().filter(ContactCsvReader.Row::accepted))
        .extracting(r -> r.contact().email())
        .containsExactly("ann@example.com", "fred@example.com");
    assertThat(rows.stream().flatMap(r -> r.problems().stream()))
        .containsExactly(
            new RowProblem(3, "email", "is not a valid email address"),
            new RowProblem(4, "email", "is missing (every contact needs an email)"),
            new RowProblem(5, "email", "repeats the email of line 2 (duplicate in file)"),
            new RowProblem(6, "", "has 2 fields but the header has 3 columns"),
            new RowProblem(7, "name", "is too long (at most 200 characters)"),
            new RowProblem(8, "Region", "is too long (at most 500 characters)"));
    assertThat(rows.get(rows.size() - 1).contact().attributes())
        .as("a formula-like cell is the customer's data, kept as it is")
        .containsEntry("Region", "=1+2");
  }

  @Test
  void blankLinesAreSkippedWithoutShiftingLineNumbers() throws Exception {
    List<ContactCsvReader.Row> rows = rows(file("email\n\nann@example.com\n\n\nbob@example.com\n"));
    assertThat(rows).extracting(ContactCsvReader.Row::line).containsExactly(3, 6);
  }

  @Test
  void anUnclosedQuoteStopsTheImportThereWithAReason() throws Exception {
    List<ContactCsvReader.Row> rows =
        rows(file("email,name\nann@example.com,Ann\nbob@example.com,\"Bob\n"));
    assertThat(rows.get(0).accepted()).isTrue();
    assertThat(rows.get(1).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("cannot be read as CSV"));
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    assertThat(problem(file(""))).contains("empty");
    assertThat(problem(file("\n\r\n  "))).contains("empty");
  }

  @Test
  void aFileWithoutEmailColumnIsRefusedNamingTheColumnsItHas() throws Exception {
    assertThat(problem(file("name,phone\nAnn,123\n")))
        .contains("no email column")
        .contains("name, phone");
    assertThat(problem(file("email;name\nann@example.com;Ann\n"))).contains("semicolons");
  }

  @Test
  void binaryFilesAreRefusedAsNotCsv() throws Exception {
    assertThat(problem(file("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1))))
        .contains("PDF");
    assertThat(problem(file(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}))).contains("ZIP");
    assertThat(problem(file(new byte[] {'e', 'm', 'a', 'i', 'l', '\n', 0, 1, 2})))
        .contains("not a CSV text file");
  }

  @Test
  void textInAnotherEncodingIsRefusedWithItsLineInsteadOfGarblingNames() throws Exception {
    byte[] latin1 =
        ("email,name\nann@example.com,Ann\n"
                + "x".repeat(2000)
                + "@example.com,Bob\n"
                + "jose@example.com,José\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(problem(file(latin1))).contains("not UTF-8").contains("line 4");
  }

  @Test
  void theRowCountIgnoresBlankLinesAndLineBreaksInsideQuotes() throws Exception {
    assertThat(ContactCsvReader.countRows(file("email,n\na@x.io,\"1\n2\"\n\nb@x.io,3\n")))
        .isEqualTo(2);
  }

  @Test
  void headersThatCannotBeAttributeNamesAreRefused() throws Exception {
    assertThatThrownBy(() -> ColumnMapping.of(List.of("email", "2024 plan"), Set.of()))
        .isInstanceOf(CsvFileProblem.class)
        .hasMessageContaining("Column 2 (\"2024 plan\")");
    assertThatThrownBy(() -> ColumnMapping.of(List.of("email", "Region", "region"), Set.of()))
        .hasMessageContaining("same attribute");
  }
}
