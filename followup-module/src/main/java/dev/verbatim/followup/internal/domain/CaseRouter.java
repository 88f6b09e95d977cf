package dev.verbatim.followup.internal.domain;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides who owns a new case. The survey's default team (round robin over members who can take
 * cases), else the global fallback owner. Never returns without an owner: when nobody can take the
 * case it throws, which rolls the customer's response back so it can be retried.
 */
public final class CaseRouter {
  private CaseRouter() {}

  public static Assignment route(
      Optional<Team> surveyTeam, Optional<String> fallbackOwnerId, Predicate<String> canTakeCases) {
    if (surveyTeam.isPresent()) {
      Optional<String> member = surveyTeam.get().nextOwner(canTakeCases);
      if (member.isPresent()) {
        return new Assignment(member.get(), surveyTeam.get().id(), Assignment.SURVEY_TEAM);
      }
    }
    if (fallbackOwnerId.isPresent() && canTakeCases.test(fallbackOwnerId.get())) {
      return new Assignment(fallbackOwnerId.get(), null, Assignment.FALLBACK);
    }
    throw new NoOwnerAvailableException();
  }

  /**
   * Configuration broke the guarantee (no usable fallback owner); the transaction must not commit.
   */
  public static class NoOwnerAvailableException extends IllegalStateException {
    public NoOwnerAvailableException() {
      super(
          "No owner can take this comment: set an active fallback owner (Routing page, or PUT /api/followup/settings).");
    }
  }
}
