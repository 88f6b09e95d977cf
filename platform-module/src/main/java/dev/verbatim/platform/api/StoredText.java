package dev.verbatim.platform.api;

/**
 * Text as the database keeps it. PostgreSQL cannot store the character U+0000 (NUL) in a text
 * column at all, so a comment, name or mail carrying one would fail to save; it carries no meaning
 * for a person, so it is dropped before anything is written (on Derby as well, so both databases
 * keep the same text). Entities get this through {@code NulFreeText}; native SQL calls it itself.
 */
public final class StoredText {
  private StoredText() {}

  public static String withoutNul(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }
}
