package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.AccessDeniedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/** Enforces {@code @RolesAllowed} on resource methods (method annotation wins over the class's). */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed != null) {
      context.register(new RoleCheck(allowed.value()));
    }
  }

  private record RoleCheck(String[] roles) implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (Arrays.stream(roles).noneMatch(role -> request.getSecurityContext().isUserInRole(role))) {
        throw new AccessDeniedException(
            "This needs one of the roles: " + String.join(", ", roles) + ".");
      }
    }
  }
}
