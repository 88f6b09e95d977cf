package dev.verbatim.platform.internal.security;

import dev.verbatim.platform.api.AccessDeniedException;
import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

@RequestScoped
public class CurrentStaffBean implements CurrentStaff {
  @Inject SecurityContext securityContext;
  @Inject JpaStaffDirectory directory;

  private Optional<StaffUser> user;

  private Optional<StaffUser> lookup() {
    if (user == null) {
      Principal principal = securityContext.getCallerPrincipal();
      user =
          principal == null
              ? Optional.empty()
              : directory.findByUsername(principal.getName()).filter(StaffUser::active);
    }
    return user;
  }

  @Override
  public StaffUser get() {
    return lookup().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }

  @Override
  public boolean isLoggedIn() {
    return lookup().isPresent();
  }
}
