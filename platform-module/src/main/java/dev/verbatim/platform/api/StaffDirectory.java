package dev.verbatim.platform.api;

import java.util.List;
import java.util.Optional;

/** Staff accounts: who exists, with which roles. */
public interface StaffDirectory {

  Optional<StaffUser> findById(String id);

  Optional<StaffUser> findByUsername(String username);

  /** Active users holding the role, ordered by username. */
  List<StaffUser> withRole(String role);

  /** Creates an account (validates and hashes the password); must run in a transaction. */
  StaffUser create(NewStaffUser user);
}
