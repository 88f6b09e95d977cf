package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class ConfiguredPublicUrls implements PublicUrls {
  @Inject
  @ConfigProperty(name = "verbatim.public.base-url", defaultValue = "http://localhost:9080")
  String baseUrl;

  @Override
  public String absolute(String path) {
    return baseUrl.replaceAll("/+$", "") + path;
  }
}
