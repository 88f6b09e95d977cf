package dev.verbatim.platform.api;

/**
 * An upload over a configured size limit; becomes 413 problem+json naming the field (API) or a
 * readable page.
 */
public class PayloadTooLargeException extends RuntimeException {
  private final String field;

  public PayloadTooLargeException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
