package dev.verbatim.platform.internal.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The module-event log's settings (MicroProfile Config; VERBATIM_EVENTS_* in production). */
@ApplicationScoped
public class EventLogSettings {
  @Inject
  @ConfigProperty(name = "verbatim.events.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "verbatim.events.max-attempts", defaultValue = "8")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "verbatim.events.retry-base-millis", defaultValue = "1000")
  long retryBaseMillis;

  @Inject
  @ConfigProperty(name = "verbatim.events.poll-millis", defaultValue = "1000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "verbatim.events.lease-seconds", defaultValue = "30")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "verbatim.events.linger-millis", defaultValue = "50")
  long lingerMillis;

  Limits limits() {
    return new Limits(batchSize, maxAttempts, retryBaseMillis);
  }

  long pollMillis() {
    return pollMillis;
  }

  /**
   * How long delivery waits after a commit before it drains, so that the events of the commits
   * meanwhile go in the same batch (one transaction and one rollup UPDATE per key for all of them).
   */
  long lingerMillis() {
    return lingerMillis;
  }

  /** How long a server keeps a listener after its last batch; after a crash another takes over. */
  long leaseMillis() {
    return leaseSeconds * 1000;
  }

  /**
   * @param batchSize events applied in one transaction
   * @param maxAttempts attempts at one event before it is parked
   * @param retryBaseMillis the first wait after a failure; it doubles up to five minutes
   */
  record Limits(int batchSize, int maxAttempts, long retryBaseMillis) {
    static final long MAX_RETRY_MILLIS = 300_000;

    Limits {
      if (batchSize < 1 || maxAttempts < 1 || retryBaseMillis < 0) {
        throw new IllegalArgumentException(
            "verbatim.events.batch-size and max-attempts must be at least 1, retry-base-millis at"
                + " least 0");
      }
    }

    long retryDelayMillis(int failuresSoFar) {
      long delay = retryBaseMillis * (1L << Math.min(Math.max(failuresSoFar, 0), 20));
      return Math.min(delay, MAX_RETRY_MILLIS);
    }
  }
}
