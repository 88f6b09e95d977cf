package dev.verbatim.survey.internal.persistence;

import java.util.List;
import java.util.Locale;

/**
 * The contacts a search text finds: email, name or any attribute value containing it, ignoring case
 * (the values are stored in lower case, one a line, in {@code attribute_search}). Plain SQL (Derby
 * and PostgreSQL), so the page and the CSV export use the same filter.
 */
record ContactQuery(String text) {
  private static final String ESCAPED = " ESCAPE '!'";

  static ContactQuery of(String text) {
    return new ContactQuery(text == null || text.isBlank() ? null : text.strip());
  }

  /** A WHERE clause on {@code svy_contact c}, or an empty string. */
  String where() {
    if (text == null) {
      return "";
    }
    return " WHERE (c.email_key LIKE ?"
        + ESCAPED
        + " OR LOWER(c.name) LIKE ?"
        + ESCAPED
        + " OR c.attribute_search LIKE ?"
        + ESCAPED
        + ")";
  }

  List<Object> parameters() {
    if (text == null) {
      return List.of();
    }
    String like =
        "%"
            + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
            + "%";
    return List.of(like, like, like);
  }
}
