package dev.verbatim.platform.internal.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on the token routes ({@code verbatim.ratelimit.*}, env {@code VERBATIM_RATELIMIT_*}).
 * {@code X-Forwarded-For} is believed only from the proxies listed in {@code trusted-proxies}:
 * anyone else could write any address into it and escape the limit.
 */
@ApplicationScoped
public class RateLimitSettings {
  @Inject
  @ConfigProperty(name = "verbatim.ratelimit.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "verbatim.ratelimit.miss-burst", defaultValue = "20")
  int missBurst;

  @Inject
  @ConfigProperty(name = "verbatim.ratelimit.misses-per-minute", defaultValue = "10")
  int missesPerMinute;

  @Inject
  @ConfigProperty(name = "verbatim.ratelimit.exempt-addresses")
  Optional<String> exemptAddresses;

  @Inject
  @ConfigProperty(name = "verbatim.ratelimit.trusted-proxies")
  Optional<String> trustedProxies;

  public boolean enabled() {
    return enabled;
  }

  public int missBurst() {
    return missBurst;
  }

  public int missesPerMinute() {
    return missesPerMinute;
  }

  public Set<String> exemptAddresses() {
    return list(exemptAddresses);
  }

  public Set<String> trustedProxies() {
    return list(trustedProxies);
  }

  static Set<String> list(Optional<String> commaSeparated) {
    return commaSeparated
        .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(a -> !a.isEmpty()))
        .map(stream -> stream.collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /**
   * The client's address: the connection's peer, or, when that peer is a trusted proxy, the last
   * address the proxy appended to {@code X-Forwarded-For}.
   */
  public static String clientAddress(String peer, String forwardedFor, Set<String> trustedProxies) {
    if (forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
    String last = hops.isEmpty() ? "" : hops.get(hops.size() - 1);
    return last.isEmpty() ? peer : last;
  }
}
