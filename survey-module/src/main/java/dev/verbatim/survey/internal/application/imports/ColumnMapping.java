package dev.verbatim.survey.internal.application.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the header row of a contacts file maps to a contact: one email column, at most one name
 * column, every other column an attribute named after its header (unless the user ignores it).
 */
public record ColumnMapping(
    List<String> headers,
    int emailColumn,
    int nameColumn,
    Map<Integer, String> attributeColumns,
    List<String> ignored) {
  public static final int MAX_COLUMNS = 50;
  private static final Set<String> EMAIL_HEADERS = Set.of("email", "emailaddress", "mail");
  private static final Set<String> NAME_HEADERS = Set.of("name", "fullname");
  private static final Pattern ATTRIBUTE = Pattern.compile("^[A-Za-z][A-Za-z0-9_ -]{0,59}$");

  /**
   * Maps a header row; {@code ignore} lists header names (any case) whose column is not imported.
   */
  public static ColumnMapping of(List<String> header, Set<String> ignore) throws CsvFileProblem {
    Set<String> ignoreKeys =
        ignore.stream().map(ColumnMapping::compact).collect(Collectors.toSet());
    if (header.size() > MAX_COLUMNS) {
      throw new CsvFileProblem(
          "The header row has "
              + header.size()
              + " columns; at most "
              + MAX_COLUMNS
              + " are allowed (email, name and attributes).");
    }
    int email = -1;
    int name = -1;
    Map<Integer, String> attributes = new java.util.TreeMap<>();
    Map<String, String> attributeKeys = new HashMap<>();
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String raw = header.get(i) == null ? "" : header.get(i).strip();
      String key = compact(raw);
      if (raw.isEmpty() || ignoreKeys.contains(key)) {
        ignored.add(raw.isEmpty() ? "column " + (i + 1) : raw);
      } else if (email < 0 && EMAIL_HEADERS.contains(key)) {
        email = i;
      } else if (name < 0 && NAME_HEADERS.contains(key)) {
        name = i;
      } else {
        String attribute = attributeName(raw);
        if (!ATTRIBUTE.matcher(attribute).matches()) {
          throw new CsvFileProblem(
              "Column "
                  + (i + 1)
                  + " (\""
                  + raw
                  + "\") cannot be an attribute name: it must start with a letter and have at most"
                  + " 60 letters, digits, spaces, _ or -. Rename the column or ignore it.");
        }
        String previous = attributeKeys.put(attribute.toLowerCase(Locale.ROOT), raw);
        if (previous != null) {
          throw new CsvFileProblem(
              "Columns \"" + previous + "\" and \"" + raw + "\" both name the same attribute.");
        }
        attributes.put(i, attribute);
      }
    }
    if (email < 0) {
      String hint =
          header.size() == 1 && header.get(0) != null && header.get(0).contains(";")
              ? " The file seems to use semicolons: save it with commas (\"CSV UTF-8\")."
              : "";
      throw new CsvFileProblem(
          "The header row has no email column (name one \"email\", \"e-mail\" or \"Email"
              + " Address\"); it has: "
              + String.join(", ", header)
              + "."
              + hint);
    }
    return new ColumnMapping(List.copyOf(header), email, name, attributes, List.copyOf(ignored));
  }

  /**
   * Header to attribute name, the rules the contact API enforces: trimmed, one space between words,
   * characters outside letters, digits, space, _ and - become spaces.
   */
  static String attributeName(String header) {
    return header.replaceAll("[^A-Za-z0-9_ -]+", " ").replaceAll("\\s+", " ").strip();
  }

  private static String compact(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  public String header(int column) {
    return headers.get(column).strip();
  }

  /**
   * What goes where, for the page and the API: e.g. {@code email ← "E-mail"; region ← "Region"}.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("email ← \"" + header(emailColumn) + "\"");
    if (nameColumn >= 0) {
      parts.add("name ← \"" + header(nameColumn) + "\"");
    }
    attributeColumns.forEach(
        (column, attribute) -> parts.add(attribute + " ← \"" + header(column) + "\""));
    if (!ignored.isEmpty()) {
      parts.add("ignored: " + String.join(", ", ignored));
    }
    return String.join("; ", parts);
  }
}
