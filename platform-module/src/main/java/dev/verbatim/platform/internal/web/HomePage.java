package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.PageRenderer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The staff start page: where each role's work is. */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
  @Inject PageRenderer pages;
  @Inject CurrentStaff currentStaff;

  @GET
  public String home() {
    return pages.staffPage(
        "platform/home", "Verbatim", Map.of("name", currentStaff.get().displayName()));
  }
}
