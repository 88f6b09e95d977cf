package dev.verbatim.platform.internal.startup;

import dev.verbatim.platform.internal.web.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Every page and API call answers 503 while this server has not finished starting or failed to
 * start; {@code /health} (served outside this application's JAX-RS) says why.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class NotReadyFilter implements ContainerRequestFilter {
  @Inject StartupStatus status;

  @Override
  public void filter(ContainerRequestContext context) {
    if (status.isReady()) {
      return;
    }
    boolean failed = status.state() == StartupStatus.State.FAILED;
    String title = failed ? "Verbatim did not start" : "Verbatim is starting";
    String detail =
        failed
            ? "This server could not finish starting; its operator sees why on /health/ready."
            : "This server is still starting. Try again in a few seconds.";
    context.abortWith(
        Response.fromResponse(
                ProblemResponses.problem(context.getUriInfo(), 503, title, detail, List.of()))
            .header(HttpHeaders.RETRY_AFTER, "10")
            .build());
  }
}
