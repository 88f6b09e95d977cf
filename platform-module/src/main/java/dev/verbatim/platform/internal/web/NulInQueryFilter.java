package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.FieldError;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * A query parameter with a NUL character (U+0000) is refused with 400 naming the parameter. It is
 * never part of a search, a filter or a page number, and PostgreSQL refuses it in any query, so it
 * would otherwise end as a 500 there. (Stored text drops NUL instead: see StoredText.)
 */
@Provider
@PreMatching
@Priority(Priorities.USER - 100)
@ApplicationScoped
public class NulInQueryFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext context) {
    for (Map.Entry<String, List<String>> parameter :
        context.getUriInfo().getQueryParameters(true).entrySet()) {
      if (parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
        String name = parameter.getKey().replace("\0", "");
        context.abortWith(
            ProblemResponses.problem(
                context.getUriInfo(),
                400,
                "Invalid query",
                "The query parameter '" + name + "' contains a NUL character.",
                List.of(new FieldError(name, "must not contain a NUL character"))));
        return;
      }
    }
  }
}
