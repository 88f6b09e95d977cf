package dev.verbatim.platform.internal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a staff login lasts (MicroProfile Config; VERBATIM_SESSION_* in production) and whether
 * its cookies are Secure (the server variable verbatim.cookies.secure, VERBATIM_COOKIES_SECURE).
 */
@ApplicationScoped
public class StaffSessionSettings {
  @Inject
  @ConfigProperty(name = "verbatim.session.idle-minutes", defaultValue = "480")
  long idleMinutes;

  @Inject
  @ConfigProperty(name = "verbatim.session.max-hours", defaultValue = "168")
  long maxHours;

  @Inject
  @ConfigProperty(name = "verbatim.cookies.secure", defaultValue = "false")
  boolean secureCookies;

  /** A login unused this long ends (sliding: every request within it extends it). */
  Duration idleTimeout() {
    return Duration.ofMinutes(idleMinutes);
  }

  /** A login ends this long after it was made, however busy it is. */
  Duration maximumLifetime() {
    return Duration.ofHours(maxHours);
  }

  boolean secureCookies() {
    return secureCookies;
  }
}
