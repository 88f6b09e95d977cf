package dev.verbatim.survey.api;

import java.util.Optional;

/**
 * A condition another module sets on publishing (e.g. follow-up requires a fallback owner so that
 * every comment can be routed). Publishing is refused with the returned reason.
 */
public interface PublishPrecondition {

  /**
   * @return why the survey cannot be published yet, or empty when it can
   */
  Optional<String> blocksPublishing(String surveyId);
}
