package load;

/**
 * What one request (or one submission: page and form) got: the HTTP status that decided it, or
 * {@link #IO_ERROR} when no answer came, and how long it took.
 */
public record Outcome(int status, long nanos) {
  /** The status recorded when the connection failed or timed out. */
  public static final int IO_ERROR = -1;

  /** The success answer: 2xx, or 303 (a redirect after a form post). */
  public boolean acknowledged() {
    return (status >= 200 && status < 300) || status == 303;
  }
}
