package dev.verbatim.survey.internal.application;

import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Suppression;
import dev.verbatim.survey.internal.domain.SuppressionReason;
import dev.verbatim.survey.internal.persistence.SuppressionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Addresses no survey mail goes to. The first reason recorded for an address stays. */
@ApplicationScoped
public class SuppressionList {
  private static final int CHUNK = 500;

  @Inject SuppressionRepository suppressions;

  @Inject Clock clock;

  /**
   * @return false when the address was already suppressed (nothing changes)
   */
  @Transactional
  public boolean suppress(String email, SuppressionReason reason, String detail) {
    if (suppressions.find(Contact.keyOf(email)) != null) {
      return false;
    }
    suppressions.add(new Suppression(email, reason, detail, clock.millis()));
    return true;
  }

  public Optional<SuppressionReason> reasonFor(String email) {
    return Optional.ofNullable(suppressions.find(Contact.keyOf(email))).map(Suppression::reason);
  }

  /** Suppressed addresses among these email keys, with the reason. */
  public Map<String, SuppressionReason> reasonsFor(Collection<String> emailKeys) {
    List<String> keys = new ArrayList<>(emailKeys);
    Map<String, SuppressionReason> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += CHUNK) {
      suppressions
          .among(keys.subList(from, Math.min(keys.size(), from + CHUNK)))
          .forEach(s -> found.put(s.emailKey(), s.reason()));
    }
    return found;
  }
}
