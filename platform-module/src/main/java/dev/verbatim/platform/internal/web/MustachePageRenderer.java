package dev.verbatim.platform.internal.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.NavigationLinks;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.internal.security.Csrf;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RequestScoped
public class MustachePageRenderer implements PageRenderer {
  private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("templates");

  @Inject HttpServletRequest request;
  @Inject Csrf csrf;
  @Inject CurrentStaff currentStaff;
  @Inject Instance<NavigationLinks> navigation;

  @Override
  public String staffPage(String template, String title, Object model) {
    Map<String, Object> page = new HashMap<>();
    page.put("csrf", csrf.tokenFor(request));
    page.put("title", title);
    if (currentStaff.isLoggedIn()) {
      StaffUser user = currentStaff.get();
      page.put("user", user);
      page.put("isAdmin", user.hasRole(Roles.ADMIN));
      page.put("isManager", user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN));
      List<NavigationLinks> modules = new ArrayList<>();
      navigation.forEach(modules::add);
      modules.sort(Comparator.comparingInt(NavigationLinks::order));
      List<NavigationLinks.Link> links = new ArrayList<>();
      modules.forEach(m -> links.addAll(m.linksFor(user)));
      page.put("nav", links);
    }
    page.put("body", render(template, page, model));
    return render("platform/staff-layout", page, null);
  }

  @Override
  public String publicPage(String template, String title, Object model) {
    Map<String, Object> page = new HashMap<>();
    page.put("title", title);
    page.put("body", render(template, page, model));
    return render("platform/public-layout", page, null);
  }

  private static String render(String template, Map<String, Object> page, Object model) {
    StringWriter out = new StringWriter();
    Object[] scopes = model == null ? new Object[] {page} : new Object[] {page, model};
    TEMPLATES.compile(template + ".mustache").execute(out, scopes);
    return out.toString();
  }
}
