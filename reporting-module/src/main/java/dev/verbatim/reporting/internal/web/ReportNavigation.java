package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.NavigationLinks;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReportNavigation implements NavigationLinks {
  @Override
  public int order() {
    return 30;
  }

  @Override
  public List<Link> linksFor(StaffUser user) {
    return user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN)
        ? List.of(new Link("Reports", "/app/reports"))
        : List.of();
  }
}
