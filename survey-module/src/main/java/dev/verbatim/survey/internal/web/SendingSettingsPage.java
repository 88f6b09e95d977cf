package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.SendingSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;

/** Managers set how long after an invitation a contact is left alone. */
@Path("/app/settings/sending")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class SendingSettingsPage {
  @Inject PageRenderer pages;
  @Inject SendingSettings settings;

  @GET
  public String show() {
    return page(Integer.toString(settings.throttleDays()), null, null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response change(MultivaluedMap<String, String> form) {
    String days = form.getFirst("throttleDays");
    try {
      int saved = settings.changeThrottleDays(days);
      return Response.ok(page(Integer.toString(saved), null, "Saved.")).build();
    } catch (InvalidInputException invalid) {
      return Response.status(400)
          .entity(page(days, "Days between invitations " + invalid.errors().get(0).message(), null))
          .build();
    }
  }

  private String page(String days, String error, String notice) {
    Map<String, Object> model = new HashMap<>();
    model.put("throttleDays", days == null ? "" : days);
    model.put("error", error);
    model.put("notice", notice);
    model.put("remindersMax", settings.remindersMax());
    model.put("remindersAfterDays", settings.remindersAfter().toDays());
    return pages.staffPage("survey/sending-settings", "Sending settings", model);
  }
}
