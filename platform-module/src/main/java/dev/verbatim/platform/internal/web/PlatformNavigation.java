package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.NavigationLinks;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class PlatformNavigation implements NavigationLinks {
  @Override
  public int order() {
    return 100;
  }

  @Override
  public List<Link> linksFor(StaffUser user) {
    List<Link> links = new ArrayList<>();
    if (user.hasRole(Roles.ADMIN)) {
      links.add(new Link("Mailbox", "/app/mailbox"));
      links.add(new Link("Users", "/app/users"));
    }
    return links;
  }
}
