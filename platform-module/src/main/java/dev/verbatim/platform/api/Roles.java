package dev.verbatim.platform.api;

import java.util.Set;

/**
 * Staff roles. Customers have no role: they reach only pages guarded by their unguessable token.
 */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String MANAGER = "manager";
  public static final String OWNER = "owner";
  public static final Set<String> ALL = Set.of(ADMIN, MANAGER, OWNER);

  private Roles() {}
}
