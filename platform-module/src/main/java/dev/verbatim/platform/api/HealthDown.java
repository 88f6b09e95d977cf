package dev.verbatim.platform.api;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A health check that could not measure (its database query failed) answers DOWN with the reason,
 * instead of throwing: a throwing check hides every other check's answer (the "startup" reason
 * among them) and logs a stack trace on each poll.
 */
public final class HealthDown {
  private HealthDown() {}

  public static HealthCheckResponse because(String check, RuntimeException failure) {
    return HealthCheckResponse.named(check).down().withData("error", reason(failure)).build();
  }

  /** The first line of the innermost message: what an operator can act on. */
  public static String reason(Throwable failure) {
    Throwable cause = failure;
    String message = failure.toString();
    while (cause != null) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    String firstLine = message.strip().lines().findFirst().orElse(message);
    return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
  }
}
