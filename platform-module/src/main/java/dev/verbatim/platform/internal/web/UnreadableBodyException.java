package dev.verbatim.platform.internal.web;

/**
 * A request body that could not be read (not JSON, or not of the expected shape): the client's
 * mistake, answered 400. Raised only by {@link BodyReadFailures}, so that the same JSON-B and
 * JAX-RS exception types thrown while writing a response are not mistaken for bad input.
 */
public class UnreadableBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableBodyException(Throwable cause) {
    super("unreadable request body", cause);
  }
}
