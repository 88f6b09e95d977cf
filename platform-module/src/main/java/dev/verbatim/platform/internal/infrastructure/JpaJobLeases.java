package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.JobLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Job leases in plt_job_lease, taken with a conditional UPDATE (held by this server, or run out)
 * and, for a job never run before, an INSERT that fails on the primary key when another server
 * inserts first. Each call is its own transaction.
 */
@ApplicationScoped
public class JpaJobLeases implements JobLeases {
  /** This server, for as long as it runs. */
  private final String owner = Ids.newId();

  @Inject Clock clock;
  @Inject JobLeaseRows rows;

  @Override
  public boolean tryHold(String job, Duration lease) {
    long now = clock.millis();
    long until = now + lease.toMillis();
    if (rows.renewOrTake(job, owner, now, until)) {
      return true;
    }
    try {
      return rows.insert(job, owner, until);
    } catch (RuntimeException heldElsewhere) {
      return false; // another server's row: it holds the job
    }
  }
}
