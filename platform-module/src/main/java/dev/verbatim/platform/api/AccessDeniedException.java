package dev.verbatim.platform.api;

/**
 * The caller is logged in but may not do this (e.g. an owner opening another owner's case); becomes
 * 403.
 */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
