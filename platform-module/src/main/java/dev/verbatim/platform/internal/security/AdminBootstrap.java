package dev.verbatim.platform.internal.security;

import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin on first start, from configuration only (VERBATIM_ADMIN_PASSWORD, or the
 * server variable verbatim.admin.password). There is no built-in default password: without one,
 * no admin is created and the log says how to provide it.
 */
@ApplicationScoped
public class AdminBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject JpaStaffDirectory directory;

  @Inject
  @ConfigProperty(name = "verbatim.admin.username", defaultValue = "admin")
  String username;

  @Inject
  @ConfigProperty(name = "verbatim.admin.email", defaultValue = "admin@localhost")
  String email;

  @Inject
  @ConfigProperty(name = "verbatim.admin.password")
  Optional<String> password;

  @Transactional
  void createFirstAdmin(@Observes @Priority(10) SchemaReady ready) {
    if (directory.count() > 0) {
      return;
    }
    if (password.isEmpty() || password.get().isBlank()) {
      LOG.warning("No staff users exist and no first admin is configured: set VERBATIM_ADMIN_PASSWORD"
          + " (and optionally VERBATIM_ADMIN_USERNAME) and restart.");
      return;
    }
    directory.create(new NewStaffUser(username, email, "Administrator", password.get(), Set.of(Roles.ADMIN, Roles.MANAGER)));
    LOG.info("Created the first admin '" + username + "' from configuration.");
  }
}
