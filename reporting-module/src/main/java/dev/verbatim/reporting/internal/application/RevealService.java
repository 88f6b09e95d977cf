package dev.verbatim.reporting.internal.application;

import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.reporting.internal.persistence.RevealRepository;
import dev.verbatim.reporting.internal.persistence.RevealRepository.RevealRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Shows one comment unmasked to an authorised member of staff, and records that they saw it. */
@ApplicationScoped
public class RevealService {
  @Inject VerbatimService verbatims;
  @Inject RevealRepository reveals;
  @Inject Clock clock;

  public record Revealed(String caseId, String text, long revealedAt, String revealedBy) {}

  @Transactional
  public Revealed reveal(String caseId, StaffUser who) {
    String text =
        verbatims
            .originalText(caseId)
            .orElseThrow(
                () -> new ResourceNotFoundException("There is no case with id " + caseId + "."));
    long now = clock.millis();
    reveals.record(caseId, who.id(), who.displayName(), now);
    return new Revealed(caseId, text, now, who.displayName());
  }

  /** The latest reveals, newest first. */
  public List<RevealRecord> recent(int limit) {
    return reveals.recent(limit);
  }
}
