package load;

import java.net.URI;
import java.util.Set;

/** Load goes only to this machine: every base URL is checked before the first request. */
final class LoopbackOnly {
  private static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private LoopbackOnly() {}

  static String check(String baseUrl) {
    String host = URI.create(baseUrl).getHost();
    if (host == null || !HOSTS.contains(host.toLowerCase())) {
      throw new IllegalArgumentException(
          "load is sent only to localhost / 127.0.0.1, not to " + baseUrl);
    }
    return baseUrl.replaceAll("/+$", "");
  }
}
