package dev.verbatim.platform.internal.ratelimit;

import dev.verbatim.platform.internal.web.ProblemResponses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Rate limit on the routes where a token is the credential: the survey page {@code /s/<token>}, the
 * unsubscribe page {@code /u/<token>} and the respondent API {@code /api/respond/<token>}. An
 * answer 404 (no such link) charges the client's {@link MissBudget}; a client whose budget is spent
 * gets 429 with Retry-After (problem+json on the API, a page elsewhere) before its request touches
 * the database.
 */
@Provider
@ApplicationScoped
public class TokenRouteLimit implements ContainerRequestFilter, ContainerResponseFilter {
  private static final List<String> TOKEN_ROUTES = List.of("s/", "u/", "api/respond/");

  @Inject RateLimitSettings settings;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  private MissBudget budget;
  private Set<String> exempt;
  private Set<String> trustedProxies;

  @PostConstruct
  void start() {
    budget = new MissBudget(settings.missBurst(), settings.missesPerMinute());
    exempt = settings.exemptAddresses();
    trustedProxies = settings.trustedProxies();
  }

  @Override
  public void filter(ContainerRequestContext context) {
    if (!limited(context)) {
      return;
    }
    long wait = budget.secondsUntilAllowed(client(), clock.millis());
    if (wait > 0) {
      context.abortWith(tooManyMisses(context, wait));
    }
  }

  @Override
  public void filter(ContainerRequestContext context, ContainerResponseContext response) {
    if (response.getStatus() == 404 && limited(context)) {
      budget.miss(client(), clock.millis());
    }
  }

  private static Response tooManyMisses(ContainerRequestContext context, long wait) {
    Response problem =
        ProblemResponses.problem(
            context.getUriInfo(),
            429,
            "Too many unknown links",
            "This address asked for too many links that do not exist. Try again in "
                + wait
                + " seconds.",
            List.of());
    return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, wait).build();
  }

  private boolean limited(ContainerRequestContext context) {
    if (!settings.enabled()) {
      return false;
    }
    String path = context.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return TOKEN_ROUTES.stream().anyMatch(relative::startsWith) && !exempt.contains(client());
  }

  private String client() {
    return RateLimitSettings.clientAddress(
        request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
  }
}
