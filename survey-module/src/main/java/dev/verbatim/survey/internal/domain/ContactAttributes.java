package dev.verbatim.survey.internal.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A contact's attributes as stored in its own row (migration V6). {@code attribute_text} holds one
 * line {@code name=value} per attribute, names in order; a value's backslashes and line breaks are
 * written {@code \\}, {@code \n} and {@code \r} (names cannot hold '=', '\' or line breaks, see
 * {@link ContactInput}). {@code attribute_search} holds the values only, in lower case, one a line,
 * for the contact search.
 *
 * <p>Rows migration V6 carried over start with the line {@code =} and hold their values as they
 * were (SQL cannot escape them): a line that does not start with a name and '=' continues the
 * previous value after a line break. The next update writes the escaped form.
 */
public final class ContactAttributes {
  /** 50 × (60 + 500 + 2) characters fit the 30,000-character columns (escapes aside). */
  public static final int MAX = 50;

  private static final int MAX_TEXT = 30_000;

  private static final String MIGRATED = "=\n";
  private static final Pattern LINE = Pattern.compile("^[A-Za-z][A-Za-z0-9_ -]{0,59}=.*");

  private ContactAttributes() {}

  /**
   * Whether one contact can hold these: at most {@link #MAX}, and (only values full of backslashes
   * and line breaks come near it) at most 30,000 characters stored.
   */
  public static boolean fit(Map<String, String> attributes) {
    if (attributes.size() > MAX) {
      return false;
    }
    String text = text(attributes);
    return text == null || text.length() <= MAX_TEXT;
  }

  /** {@code attribute_text} for these attributes, or null when there are none. */
  public static String text(Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    new TreeMap<>(attributes)
        .forEach((name, value) -> text.append(name).append('=').append(escape(value)).append('\n'));
    return text.toString();
  }

  /** {@code attribute_search} for these attributes, or null when there are none. */
  public static String search(Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    StringBuilder search = new StringBuilder();
    new TreeMap<>(attributes)
        .values()
        .forEach(value -> search.append(value.toLowerCase(Locale.ROOT)).append('\n'));
    return search.toString();
  }

  /** The attributes an {@code attribute_text} holds, by name. */
  public static Map<String, String> parse(String text) {
    Map<String, String> attributes = new TreeMap<>();
    if (text == null || text.isEmpty()) {
      return attributes;
    }
    boolean migrated = text.startsWith(MIGRATED);
    String body = migrated ? text.substring(MIGRATED.length()) : text;
    List<String> lines = Arrays.asList(body.split("\n", -1));
    if (body.endsWith("\n")) {
      lines = lines.subList(0, lines.size() - 1);
    }
    String last = null;
    for (String line : lines) {
      if (LINE.matcher(line).matches()) {
        int eq = line.indexOf('=');
        last = line.substring(0, eq);
        String value = line.substring(eq + 1);
        attributes.put(last, migrated ? value : unescape(value));
      } else if (migrated && last != null) {
        attributes.put(last, attributes.get(last) + "\n" + line);
      }
    }
    return attributes;
  }

  private static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        default -> escaped.append(ch);
      }
    }
    return escaped.toString();
  }

  private static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder plain = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        plain.append(
            switch (next) {
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        plain.append(ch);
      }
    }
    return plain.toString();
  }
}
