package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.NavigationLinks;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Owners see no reports, but they are asked to predict; managers reach predictions from the
 * reports' sub-navigation.
 */
@ApplicationScoped
public class PredictionNavigation implements NavigationLinks {
  @Override
  public int order() {
    return 31;
  }

  @Override
  public List<Link> linksFor(StaffUser user) {
    return user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN)
        ? List.of()
        : List.of(new Link("Predict", "/app/reports/predictions"));
  }
}
