package dev.verbatim.platform.api;

import java.util.Set;

/** A member of staff as other modules see them: no password material. */
public record StaffUser(
    String id,
    String username,
    String email,
    String displayName,
    Set<String> roles,
    boolean active) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
