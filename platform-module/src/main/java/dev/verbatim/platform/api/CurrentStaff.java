package dev.verbatim.platform.api;

/** The logged-in member of staff for this request. */
public interface CurrentStaff {

  /**
   * @throws AccessDeniedException when nobody is logged in
   */
  StaffUser get();

  boolean isLoggedIn();

  default boolean hasRole(String role) {
    return isLoggedIn() && get().hasRole(role);
  }

  default void require(String... anyOfRoles) {
    for (String role : anyOfRoles) {
      if (hasRole(role)) {
        return;
      }
    }
    throw new AccessDeniedException(
        "This needs one of the roles: " + String.join(", ", anyOfRoles));
  }
}
