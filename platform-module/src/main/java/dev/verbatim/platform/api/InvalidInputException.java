package dev.verbatim.platform.api;

import java.util.List;

/**
 * Input that breaks a rule; becomes 400 problem+json (API) or a message next to the field (pages).
 */
public class InvalidInputException extends RuntimeException {
  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(
        errors.isEmpty()
            ? "Invalid input"
            : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
