package dev.verbatim.followup.internal.web;

import dev.verbatim.platform.api.NavigationLinks;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class FollowupNavigation implements NavigationLinks {
  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<Link> linksFor(StaffUser user) {
    if (user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN)) {
      return List.of(
          new Link("Cases", "/app/cases"),
          new Link("Routing", "/app/routing"),
          new Link("Root causes", "/app/root-causes"),
          new Link("Triage", "/app/triage"));
    }
    return List.of(new Link("Cases", "/app/cases"));
  }
}
