package dev.verbatim.platform.api;

/** A referenced thing does not exist (or the caller may not know that it does); becomes 404. */
public class ResourceNotFoundException extends RuntimeException {
  public ResourceNotFoundException(String message) {
    super(message);
  }
}
