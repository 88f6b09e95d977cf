package dev.verbatim.survey.internal.application.imports;

import java.time.Duration;

/**
 * When a contact import counts as abandoned: its server renews the import's heartbeat every {@code
 * heartbeatEvery} (and with every batch) while it runs, so an import whose heartbeat is older than
 * {@code staleAfter} has lost its server (stopped or crashed), whichever server looks. The
 * threshold must leave room for at least two missed heartbeats, so a busy server is never taken for
 * a stopped one.
 */
public record ImportLiveness(Duration heartbeatEvery, Duration staleAfter) {
  public ImportLiveness {
    if (heartbeatEvery.isNegative() || heartbeatEvery.isZero()) {
      throw new IllegalArgumentException(
          "verbatim.imports.heartbeat-seconds must be positive, was " + heartbeatEvery.toSeconds());
    }
    if (staleAfter.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "verbatim.imports.stale-after-seconds ("
              + staleAfter.toSeconds()
              + ") must be at least twice verbatim.imports.heartbeat-seconds ("
              + heartbeatEvery.toSeconds()
              + ")");
    }
  }

  public static ImportLiveness ofSeconds(long heartbeatSeconds, long staleAfterSeconds) {
    return new ImportLiveness(
        Duration.ofSeconds(heartbeatSeconds), Duration.ofSeconds(staleAfterSeconds));
  }

  /** Heartbeats before this instant are stale at {@code now}. */
  public long staleBefore(long now) {
    return now - staleAfter.toMillis();
  }

  /**
   * Whether an unfinished import last seen at {@code heartbeatAt} is abandoned at {@code now}: the
   * rule {@link ContactImportStore#failStale} applies in SQL.
   */
  public boolean isStale(long heartbeatAt, long now) {
    return heartbeatAt < staleBefore(now);
  }
}
