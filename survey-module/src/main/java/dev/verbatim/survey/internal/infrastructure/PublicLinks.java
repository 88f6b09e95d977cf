package dev.verbatim.survey.internal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute links for emails; the base URL is what customers can reach (VERBATIM_PUBLIC_BASE_URL).
 */
@ApplicationScoped
public class PublicLinks {
  @Inject
  @ConfigProperty(name = "verbatim.public.base-url", defaultValue = "http://localhost:9080")
  String baseUrl;

  public String surveyLink(String token) {
    return base() + "/s/" + token;
  }

  public String base() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
