package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.OwnerStatus;
import dev.verbatim.followup.internal.persistence.RoutingRepository;
import dev.verbatim.platform.api.AccessDeniedException;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Owners away and back: managers mark anyone, an owner marks only themself. */
@ApplicationScoped
public class OwnerStatusService {
  @Inject RoutingRepository routing;

  @Inject StaffDirectory staff;
  @Inject CurrentStaff current;
  @Inject RoutingInputs inputs;

  /** An owner and whether they are away. */
  public record OwnerPresence(StaffUser owner, boolean away) {}

  public List<OwnerPresence> owners() {
    return staff.withRole(Roles.OWNER).stream()
        .map(o -> new OwnerPresence(o, inputs.isAway(o.id())))
        .toList();
  }

  @Transactional
  public OwnerPresence markAway(String username, Boolean away) {
    StaffUser me = current.get();
    StaffUser owner =
        staff
            .findByUsername(username == null ? "" : username)
            .orElseThrow(() -> new ResourceNotFoundException("There is no user " + username + "."));
    boolean manages = me.hasRole(Roles.MANAGER) || me.hasRole(Roles.ADMIN);
    if (!manages && !me.id().equals(owner.id())) {
      throw new AccessDeniedException("Owners can mark only themselves away.");
    }
    if (!owner.hasRole(Roles.OWNER)) {
      throw new InvalidInputException("username", "is not an owner");
    }
    if (away == null) {
      throw new InvalidInputException("away", "must be true or false");
    }
    OwnerStatus status = routing.ownerStatus(owner.id());
    if (status == null) {
      routing.addOwnerStatus(new OwnerStatus(owner.id(), away));
    } else {
      status.markAway(away);
    }
    return new OwnerPresence(owner, away);
  }
}
