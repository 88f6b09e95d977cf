package dev.verbatim.platform.internal.infrastructure;

/**
 * Whether the SMTP relay is reachable, as this server last found it. While it is not, draining
 * pauses and one batch probes it at growing intervals (base, 2x base ... up to a cap); the first
 * delivery ends the outage and the whole queue flows again. An outage is the relay's, not any
 * mail's: backing off each queued mail on its own made mail arrive about as long after an outage as
 * the outage had lasted, and a long enough outage gave every mail up.
 */
final class RelayOutage {
  private final long baseMillis;
  private final long capMillis;

  private long since = -1;
  private int probes;
  private long resumeAt;

  RelayOutage(long baseMillis, long capMillis) {
    this.baseMillis = Math.max(1, baseMillis);
    this.capMillis = Math.max(this.baseMillis, capMillis);
  }

  /**
   * @param resumeAt when the next probe is due
   * @param started whether this call paused draining (the lanes of one probe that fail together
   *     pause it once)
   */
  record Pause(long resumeAt, boolean started) {}

  /** The relay could not be reached at {@code now}. */
  synchronized Pause unreachable(long now) {
    if (since < 0) {
      since = now;
    }
    boolean started = now >= resumeAt;
    if (started) {
      resumeAt = now + Math.min(capMillis, baseMillis << Math.min(probes, 20));
      probes++;
    }
    return new Pause(resumeAt, started);
  }

  /**
   * A mail was delivered: the relay is back.
   *
   * @return how long it had been unreachable, or -1 if it was reachable already
   */
  synchronized long reached(long now) {
    long outage = since < 0 ? -1 : Math.max(0, now - since);
    since = -1;
    probes = 0;
    resumeAt = 0;
    return outage;
  }

  /** Whether draining waits for the next probe. */
  synchronized boolean paused(long now) {
    return since >= 0 && now < resumeAt;
  }

  /** How long the relay has been unreachable; 0 while it is reachable. */
  synchronized long unreachableMillis(long now) {
    return since < 0 ? 0 : Math.max(0, now - since);
  }

  /** Time until the next probe; 0 while the relay is reachable or a probe is due. */
  synchronized long nextProbeMillis(long now) {
    return since < 0 ? 0 : Math.max(0, resumeAt - now);
  }
}
