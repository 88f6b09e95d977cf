package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.survey.api.PublishPrecondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A survey cannot be published until a fallback owner exists: otherwise a comment could end up with
 * nobody.
 */
@ApplicationScoped
public class FallbackOwnerRequired implements PublishPrecondition {
  @Inject FollowupSetupService setup;

  @Override
  public Optional<String> blocksPublishing(String surveyId) {
    return setup.fallbackOwner().isPresent()
        ? Optional.empty()
        : Optional.of(
            "Set a fallback owner first (Routing page, or PUT /api/followup/settings): every comment needs someone to answer it.");
  }
}
