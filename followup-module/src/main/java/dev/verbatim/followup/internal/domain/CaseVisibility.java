package dev.verbatim.followup.internal.domain;

import java.util.Set;

/**
 * Which cases one member of staff may see: managers and admins all; everyone else the cases they
 * own plus the cases of the teams they belong to or lead.
 *
 * @param userId the member of staff
 * @param seesAll a manager or admin
 * @param teamIds teams the user is a member or the lead of
 */
public record CaseVisibility(String userId, boolean seesAll, Set<String> teamIds) {
  public CaseVisibility {
    teamIds = Set.copyOf(teamIds);
  }

  public boolean canSee(FollowupCase c) {
    return seesAll || c.isOwnedBy(userId) || (c.teamId() != null && teamIds.contains(c.teamId()));
  }
}
