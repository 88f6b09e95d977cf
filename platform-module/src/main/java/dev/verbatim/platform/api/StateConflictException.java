package dev.verbatim.platform.api;

/**
 * The request is valid but the thing is not in a state that allows it (already answered, already
 * closed); becomes 409.
 */
public class StateConflictException extends RuntimeException {
  public StateConflictException(String message) {
    super(message);
  }
}
