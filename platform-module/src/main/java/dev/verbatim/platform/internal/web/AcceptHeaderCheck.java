package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.FieldError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refuses an {@code Accept} header whose quality values are not numbers ({@code *}{@code /*;q=abc})
 * with a 400 naming the header. JAX-RS parses the header while choosing the resource and failed
 * with an unchecked exception there, which was answered 500.
 */
@Provider
@PreMatching
public class AcceptHeaderCheck implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext context) {
    List<String> accept = context.getHeaders().get("Accept");
    if (accept == null) {
      return;
    }
    for (String header : accept) {
      if (!wellFormed(header)) {
        context.abortWith(
            ProblemResponses.problem(
                context.getUriInfo(),
                400,
                "Bad Accept header",
                "The Accept header is not a list of media types with numeric q values.",
                List.of(new FieldError("Accept", "each q must be a number from 0 to 1"))));
        return;
      }
    }
  }

  static boolean wellFormed(String header) {
    for (String range : header.split(",")) {
      String[] parts = range.split(";");
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].strip();
        int eq = parameter.indexOf('=');
        if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("q")) {
          continue;
        }
        String value = parameter.substring(eq + 1).strip();
        if (!value.matches("(0(\\.\\d{0,3})?|1(\\.0{0,3})?)")) {
          return false;
        }
      }
    }
    return true;
  }
}
