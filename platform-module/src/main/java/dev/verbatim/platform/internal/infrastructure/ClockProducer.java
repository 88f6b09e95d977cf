package dev.verbatim.platform.internal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one source of "now"; tests and later schedulers substitute their own clock. */
@ApplicationScoped
public class ClockProducer {
  @Produces
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
