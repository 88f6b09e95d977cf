package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.NavigationLinks;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SurveyNavigation implements NavigationLinks {
  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<Link> linksFor(StaffUser user) {
    if (user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN)) {
      return List.of(new Link("Surveys", "/app/surveys"), new Link("Contacts", "/app/contacts"));
    }
    return List.of();
  }
}
