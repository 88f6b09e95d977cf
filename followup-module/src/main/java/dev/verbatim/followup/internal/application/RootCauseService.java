package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.followup.internal.persistence.RootCauseRepository;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The root-cause taxonomy that managers maintain. Entries are never deleted: closed cases refer to
 * them, so an entry that is no longer wanted is deactivated (no longer offered when closing).
 */
@ApplicationScoped
public class RootCauseService {
  @Inject RootCauseRepository rootCauses;

  /** Every entry, active or not, in the order the close form offers them. */
  public List<RootCause> all() {
    return rootCauses.all();
  }

  @Transactional
  public RootCause create(String code, String label) {
    Integer last = rootCauses.lastPosition();
    RootCause created = RootCause.create(code, label, last == null ? 1 : last + 1);
    if (rootCauses.find(created.code()) != null) {
      throw new InvalidInputException("code", "'" + created.code() + "' is already in the list.");
    }
    rootCauses.add(created);
    return created;
  }

  @Transactional
  public RootCause rename(String code, String label) {
    RootCause found = find(code);
    found.rename(label);
    return found;
  }

  @Transactional
  public RootCause setActive(String code, boolean active) {
    RootCause found = find(code);
    if (active) {
      found.activate();
    } else {
      found.deactivate();
    }
    return found;
  }

  private RootCause find(String code) {
    RootCause found = code == null ? null : rootCauses.find(code);
    if (found == null) {
      throw new ResourceNotFoundException("There is no root cause with code " + code + ".");
    }
    return found;
  }
}
