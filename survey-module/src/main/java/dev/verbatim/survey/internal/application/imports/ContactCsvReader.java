package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactInput;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a contacts CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks; UTF-8 with
 * or without a byte-order mark) row by row. Each row is either a contact or the reasons it was
 * rejected, with the line it starts on; a later row repeating an email of the file is rejected.
 */
public final class ContactCsvReader implements Closeable {
  static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(false).build();
  public static final int MAX_EMAIL = 254;
  public static final int MAX_NAME = 200;
  public static final int MAX_ATTRIBUTE = 500;

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final ColumnMapping mapping;
  private final Map<String, Integer> firstLineOfEmail = new HashMap<>();
  private boolean broken;

  /** One data row: a contact to save, or the problems that rejected it. */
  public record Row(int line, ContactInput contact, List<RowProblem> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  private ContactCsvReader(CSVParser parser, ColumnMapping mapping) {
    this.parser = parser;
    this.records = parser.iterator();
    this.mapping = mapping;
  }

  /** Checks the bytes, then reads and maps the header row. */
  public static ContactCsvReader open(Path file, Set<String> ignore)
      throws IOException, CsvFileProblem {
    return open(file, ignore, CsvBytes.check(file));
  }

  /**
   * Reads a file {@link #open} has already checked (the import job's second pass): validating 100
   * MB of UTF-8 once is enough.
   */
  public static ContactCsvReader reopen(Path file, Set<String> ignore)
      throws IOException, CsvFileProblem {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(3);
    }
    boolean bom =
        head.length == 3
            && (head[0] & 0xff) == 0xEF
            && (head[1] & 0xff) == 0xBB
            && (head[2] & 0xff) == 0xBF;
    return open(file, ignore, bom);
  }

  private static ContactCsvReader open(Path file, Set<String> ignore, boolean bom)
      throws IOException, CsvFileProblem {
    InputStream in = Files.newInputStream(file);
    if (bom) {
      in.skipNBytes(3);
    }
    CSVParser parser =
        CSVParser.parse(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536), FORMAT);
    try {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw new CsvFileProblem("The file is empty: it needs a header row with an email column.");
      }
      ColumnMapping mapping = ColumnMapping.of(it.next().toList(), ignore);
      return new ContactCsvReader(parser, mapping);
    } catch (CsvFileProblem | RuntimeException e) {
      parser.close();
      if (e instanceof CsvFileProblem problem) {
        throw problem;
      }
      throw new CsvFileProblem("The header row cannot be read as CSV: " + e.getMessage());
    }
  }

  /** Data rows in the file, for progress; a file that breaks off counts the rows before. */
  public static int countRows(Path file) throws IOException, CsvFileProblem {
    try (ContactCsvReader reader = reopen(file, Set.of())) {
      int rows = 0;
      while (reader.parser != null) {
        try {
          if (!reader.records.hasNext()) {
            break;
          }
          CSVRecord record = reader.records.next();
          if (!isBlank(record)) {
            rows++;
          }
        } catch (UncheckedIOException | IllegalStateException e) {
          break;
        }
      }
      return rows;
    }
  }

  public ColumnMapping mapping() {
    return mapping;
  }

  /** The next data row, or null at the end (blank lines are skipped). */
  public Row next() {
    while (!broken) {
      int line = (int) parser.getCurrentLineNumber() + 1;
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          return null;
        }
        record = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        broken = true;
        return new Row(
            line,
            null,
            List.of(
                new RowProblem(
                    line,
                    "",
                    "the file cannot be read as CSV from this line on (a quoted field is not"
                        + " closed?); this row and the rest were not imported")));
      }
      if (isBlank(record)) {
        continue;
      }
      return toRow(line, record);
    }
    return null;
  }

  private Row toRow(int line, CSVRecord record) {
    List<RowProblem> problems = new ArrayList<>();
    int width = mapping.headers().size();
    if (record.size() != width) {
      problems.add(
          new RowProblem(
              line,
              "",
              "has " + record.size() + " fields but the header has " + width + " columns"));
      return new Row(line, null, problems);
    }
    String email = record.get(mapping.emailColumn()).strip();
    String name = mapping.nameColumn() < 0 ? null : record.get(mapping.nameColumn());
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, String> columnOfAttribute = new HashMap<>();
    for (Map.Entry<Integer, String> column : mapping.attributeColumns().entrySet()) {
      String cell = record.get(column.getKey());
      if (!cell.isBlank()) {
        attributes.put(column.getValue(), cell.strip());
        columnOfAttribute.put(column.getValue(), mapping.header(column.getKey()));
      }
    }
    String emailHeader = mapping.header(mapping.emailColumn());
    if (email.length() > MAX_EMAIL) {
      problems.add(
          new RowProblem(line, emailHeader, "is too long (at most " + MAX_EMAIL + " characters)"));
    }
    if (name != null && name.strip().length() > MAX_NAME) {
      problems.add(
          new RowProblem(
              line,
              mapping.header(mapping.nameColumn()),
              "is too long (at most " + MAX_NAME + " characters)"));
    }
    attributes.forEach(
        (attribute, value) -> {
          if (value.length() > MAX_ATTRIBUTE) {
            problems.add(
                new RowProblem(
                    line,
                    columnOfAttribute.get(attribute),
                    "is too long (at most " + MAX_ATTRIBUTE + " characters)"));
          }
        });
    ContactInput input = new ContactInput(email, name, attributes);
    if (problems.isEmpty()) {
      for (FieldError error : input.problems("")) {
        String column =
            switch (error.field()) {
              case "email" -> emailHeader;
              case "name" -> mapping.header(mapping.nameColumn());
              default ->
                  columnOfAttribute.getOrDefault(
                      error.field().replaceFirst("^attributes\\.", ""), error.field());
            };
        String reason = error.message();
        if ("email".equals(error.field())) {
          reason =
              email.isEmpty()
                  ? "is missing (every contact needs an email)"
                  : "is not a valid email address";
        }
        problems.add(new RowProblem(line, column, reason));
      }
    }
    if (problems.isEmpty()) {
      Integer first = firstLineOfEmail.putIfAbsent(Contact.keyOf(email), line);
      if (first != null) {
        problems.add(
            new RowProblem(
                line, emailHeader, "repeats the email of line " + first + " (duplicate in file)"));
      }
    }
    return new Row(line, problems.isEmpty() ? input : null, problems);
  }

  private static boolean isBlank(CSVRecord record) {
    return record.size() == 1 && record.get(0).isBlank();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
