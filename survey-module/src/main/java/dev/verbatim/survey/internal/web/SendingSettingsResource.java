package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.SendingSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The workspace's sending settings: days after an invitation before a contact is invited again. */
@Path("/api/settings/sending")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class SendingSettingsResource {
  @Inject SendingSettings settings;

  public record Sending(Object throttleDays, Integer remindersMax, Integer remindersAfterDays) {}

  @GET
  public Sending get() {
    return view(settings.throttleDays());
  }

  @PUT
  public Sending change(Sending change) {
    Object days = change == null ? null : change.throttleDays();
    return view(settings.changeThrottleDays(days == null ? null : days.toString()));
  }

  private Sending view(int throttleDays) {
    return new Sending(
        throttleDays, settings.remindersMax(), (int) settings.remindersAfter().toDays());
  }
}
