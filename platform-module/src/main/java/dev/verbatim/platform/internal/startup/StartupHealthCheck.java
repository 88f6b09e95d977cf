package dev.verbatim.platform.internal.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/** "startup" on /health/ready and /health/started: DOWN with the reason until start-up is done. */
@Readiness
@Startup
@ApplicationScoped
public class StartupHealthCheck implements HealthCheck {
  @Inject StartupStatus status;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("startup")
        .status(status.isReady())
        .withData("state", status.state().name().toLowerCase())
        .withData("reason", status.reason())
        .build();
  }
}
