package dev.verbatim.platform.internal.domain;

import dev.verbatim.platform.api.StaffUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "plt_staff_user")
public class StaffAccount {
  @Id private String id;
  private String username;
  private String email;

  @Column(name = "display_name")
  private String displayName;

  private String roles;

  @Column(name = "password_hash")
  private String passwordHash;

  private boolean active;

  @Column(name = "created_at")
  private long createdAt;

  protected StaffAccount() {}

  public StaffAccount(
      String id,
      String username,
      String email,
      String displayName,
      Set<String> roles,
      String passwordHash,
      long createdAt) {
    this.id = id;
    this.username = username;
    this.email = email;
    this.displayName = displayName;
    this.roles = String.join(",", roles);
    this.passwordHash = passwordHash;
    this.active = true;
    this.createdAt = createdAt;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean isActive() {
    return active;
  }

  public Set<String> roleSet() {
    return Arrays.stream(roles.split(","))
        .filter(r -> !r.isBlank())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  public StaffUser toView() {
    return new StaffUser(id, username, email, displayName, Set.copyOf(roleSet()), active);
  }
}
