package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.survey.internal.application.UnsubscribeService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * One-click unsubscribe (RFC 8058). GET only shows a confirm button, so a mail scanner fetching the
 * link unsubscribes nobody; POST (the button, or the mail client's one-click request with body
 * {@code List-Unsubscribe=One-Click}) unsubscribes, as often as it is sent.
 */
@Path("/u/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePage {
  @Inject UnsubscribeService unsubscribe;
  @Inject PageRenderer pages;

  @GET
  public String confirm(@PathParam("token") String token) {
    UnsubscribeService.Subscriber subscriber = unsubscribe.find(token);
    return pages.publicPage(
        "survey/unsubscribe",
        subscriber.unsubscribed() ? "Unsubscribed" : "Unsubscribe",
        Map.of(
            "email", subscriber.maskedEmail(),
            "done", subscriber.unsubscribed(),
            "token", token));
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public String unsubscribe(@PathParam("token") String token) {
    UnsubscribeService.Subscriber subscriber = unsubscribe.unsubscribe(token);
    return pages.publicPage(
        "survey/unsubscribe",
        "Unsubscribed",
        Map.of("email", subscriber.maskedEmail(), "done", true, "token", token));
  }
}
