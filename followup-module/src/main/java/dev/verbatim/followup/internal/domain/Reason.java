package dev.verbatim.followup.internal.domain;

import dev.verbatim.platform.api.InvalidInputException;

/** Why someone changed a case by hand (reassigned or reopened it); kept in the audit trail. */
public final class Reason {
  static final int MAX = 500;

  private Reason() {}

  /**
   * @throws InvalidInputException naming {@code field} when blank or too long
   */
  public static String required(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "Say why, for the case's history.");
    }
    return optional(field, text);
  }

  /**
   * @return the stripped reason, or null when none was given
   * @throws InvalidInputException naming {@code field} when too long
   */
  public static String optional(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.length() > MAX) {
      throw new InvalidInputException(field, "A reason can be at most " + MAX + " characters.");
    }
    return stripped;
  }
}
