package it.escalation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only, present in the escalation test deployment only: replaces the application's clock with
 * one the test moves forward, so deadlines pass without sleeping. It starts at the real time and
 * only ever adds to it.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class AdjustableClock {
  private final AtomicLong offsetMillis = new AtomicLong();
  private final Clock clock = new Shifted();

  @Produces
  Clock clock() {
    return clock;
  }

  public void advance(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }

  public long millis() {
    return clock.millis();
  }

  private final class Shifted extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the application works in UTC");
    }

    @Override
    public long millis() {
      return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }
  }
}
