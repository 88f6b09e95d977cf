package dev.verbatim.platform.internal.security;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.internal.domain.StaffAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class JpaStaffDirectory implements StaffDirectory {
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{2,80}$");
  static final int MIN_PASSWORD = 10;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject Clock clock;

  @Override
  public Optional<StaffUser> findById(String id) {
    return Optional.ofNullable(id == null ? null : em.find(StaffAccount.class, id))
        .map(StaffAccount::toView);
  }

  @Override
  public Optional<StaffUser> findByUsername(String username) {
    return account(username).map(StaffAccount::toView);
  }

  Optional<StaffAccount> account(String username) {
    return em.createQuery("SELECT a FROM StaffAccount a WHERE a.username = :u", StaffAccount.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<StaffUser> withRole(String role) {
    return em.createQuery(
            "SELECT a FROM StaffAccount a WHERE a.active = TRUE ORDER BY a.username",
            StaffAccount.class)
        .getResultStream()
        .map(StaffAccount::toView)
        .filter(u -> u.hasRole(role))
        .toList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(a) FROM StaffAccount a", Long.class).getSingleResult();
  }

  @Override
  @Transactional
  public StaffUser create(NewStaffUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
      errors.add(new FieldError("username", "must be 2-80 letters, digits or . _ @ -"));
    } else if (account(user.username()).isPresent()) {
      errors.add(new FieldError("username", "is already taken"));
    }
    if (user.email() == null || !EMAIL.matcher(user.email()).matches()) {
      errors.add(new FieldError("email", "must be an email address"));
    }
    if (user.password() == null || user.password().length() < MIN_PASSWORD) {
      errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
    }
    if (user.roles() == null || user.roles().isEmpty() || !Roles.ALL.containsAll(user.roles())) {
      errors.add(new FieldError("roles", "must be one or more of " + String.join(", ", Roles.ALL)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String displayName =
        user.displayName() == null || user.displayName().isBlank()
            ? user.username()
            : user.displayName().strip();
    StaffAccount account =
        new StaffAccount(
            Ids.newId(),
            user.username(),
            user.email(),
            displayName,
            user.roles(),
            PasswordHasher.hash(user.password()),
            clock.millis());
    em.persist(account);
    return account.toView();
  }
}
