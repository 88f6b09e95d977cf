package dev.verbatim.platform.internal.events;

/** Another server applies this listener's events now: this one stops and leaves them alone. */
class LeaseLostException extends RuntimeException {
  LeaseLostException(String listener) {
    super("the lease on listener " + listener + " has passed to another server");
  }
}
