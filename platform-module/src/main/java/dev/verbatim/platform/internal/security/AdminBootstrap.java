package dev.verbatim.platform.internal.security;

import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin on first start, with the password from configuration
 * (VERBATIM_ADMIN_PASSWORD, or the server variable verbatim.admin.password). There is no built-in
 * default password: without one, a random password is generated and written once to the server log,
 * so a first start is usable but never guessable.
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

  private static String randomPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  void createFirstAdmin(@Observes @Priority(10) SchemaReady ready) {
    if (directory.count() > 0) {
      return;
    }
    boolean generated = password.isEmpty() || password.get().isBlank();
    String initial = generated ? randomPassword() : password.get();
    try {
      directory.create(
          new NewStaffUser(
              username, email, "Administrator", initial, Set.of(Roles.ADMIN, Roles.MANAGER)));
    } catch (RuntimeException raced) {
      if (directory.count() == 0) {
        throw raced;
      }
      LOG.fine("Another server created the first admin");
      return;
    }
    if (generated) {
      LOG.warning(
          "Created the first admin '"
              + username
              + "' with the generated password: "
              + initial
              + "  (it is shown only this once; set VERBATIM_ADMIN_PASSWORD before the first start to choose it)");
    } else {
      LOG.info("Created the first admin '" + username + "' from configuration.");
    }
  }
}
