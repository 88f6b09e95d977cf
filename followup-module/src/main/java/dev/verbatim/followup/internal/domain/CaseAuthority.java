package dev.verbatim.followup.internal.domain;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffUser;

/**
 * Who may take a case out of its owner's routine: reassign it or reopen it. The owner, managers,
 * admins, and the lead of the case's team.
 */
public final class CaseAuthority {
  private CaseAuthority() {}

  /**
   * @param teamLeadId the lead of the case's team, or null when the case has no team or the team no
   *     lead
   */
  public static boolean mayRedirect(FollowupCase followupCase, StaffUser user, String teamLeadId) {
    return followupCase.isOwnedBy(user.id())
        || user.hasRole(Roles.MANAGER)
        || user.hasRole(Roles.ADMIN)
        || (teamLeadId != null && teamLeadId.equals(user.id()));
  }
}
