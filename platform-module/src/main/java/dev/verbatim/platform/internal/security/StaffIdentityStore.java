package dev.verbatim.platform.internal.security;

import dev.verbatim.platform.internal.domain.StaffAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/** Checks staff credentials against the PBKDF2 hashes in plt_staff_user; roles become groups. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {
  @Inject JpaStaffDirectory directory;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<StaffAccount> account = directory.account(login.getCaller());
    String hash =
        account
            .filter(StaffAccount::isActive)
            .map(StaffAccount::passwordHash)
            .orElse(PasswordHasher.DECOY);
    if (account.isEmpty()
        || !account.get().isActive()
        || !PasswordHasher.matches(login.getPasswordAsString(), hash)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(login.getCaller(), account.get().roleSet());
  }
}
