package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A browser names the page a request comes from in {@code Origin}; a changing API call sent by a
 * page of another site is refused, whatever its content type. The session cookie's SameSite=Lax
 * already keeps it out of cross-site POSTs, and the JSON endpoints refuse the content types a
 * cross-site form can send; this closes the rest (the multipart contact import, other sites on the
 * same registrable domain). Clients that are not browsers send no Origin and are not affected. The
 * respondent API is left alone: its token, not a cookie, is the credential.
 */
@Provider
@ApplicationScoped
public class CrossOriginApiFilter implements ContainerRequestFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Inject PublicUrls publicUrls;

  @Override
  public void filter(ContainerRequestContext context) {
    String path = context.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (SAFE.contains(context.getMethod())
        || !relative.startsWith("api/")
        || relative.startsWith("api/respond/")) {
      return;
    }
    String origin = context.getHeaderString("Origin");
    if (origin != null
        && !sameOrigin(origin, context.getHeaderString("Host"), publicUrls.absolute("/"))) {
      context.abortWith(
          ProblemResponses.problem(
              context.getUriInfo(),
              403,
              "Cross-site request refused",
              "The API does not accept changes sent by pages of another site.",
              List.of()));
    }
  }

  /**
   * @param host the request's Host header (host and port as the browser addressed the server)
   * @param publicBase the configured public base URL
   */
  static boolean sameOrigin(String origin, String host, String publicBase) {
    URI from;
    try {
      from = URI.create(origin.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (from.getHost() == null) {
      return false; // "null": a sandboxed frame, a file, a redirect across sites
    }
    String authority = from.getRawAuthority().toLowerCase(Locale.ROOT);
    if (host != null && authority.equals(host.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    URI base = URI.create(publicBase);
    return from.getScheme().equalsIgnoreCase(base.getScheme())
        && authority.equals(base.getRawAuthority().toLowerCase(Locale.ROOT));
  }
}
