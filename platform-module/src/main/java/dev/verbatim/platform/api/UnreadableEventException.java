package dev.verbatim.platform.api;

/**
 * An event's payload cannot be read as the listener expects: retrying would fail the same way, so
 * the log parks the event with this message instead.
 */
public class UnreadableEventException extends RuntimeException {
  private final long seq;

  public UnreadableEventException(ModuleEvent event, Class<?> expected, Throwable cause) {
    super(
        "event "
            + event.seq()
            + " ("
            + event.type()
            + ") cannot be read as "
            + expected.getSimpleName()
            + ": "
            + cause.getMessage(),
        cause);
    this.seq = event.seq();
  }

  public long seq() {
    return seq;
  }
}
