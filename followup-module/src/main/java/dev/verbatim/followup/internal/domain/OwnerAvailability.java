package dev.verbatim.followup.internal.domain;

/** What routing needs to know about an owner at the moment a comment arrives. */
public interface OwnerAvailability {

  /** An active user with the owner role. */
  boolean canTakeCases(String userId);

  /** Marked away: skipped by rules and teams, but still the fallback owner's last resort. */
  boolean isAway(String userId);

  /** OPEN cases owned now, for the FEWEST_OPEN strategy. */
  long openCases(String userId);

  default boolean available(String userId) {
    return canTakeCases(userId) && !isAway(userId);
  }

  /** Why this owner cannot take a case from a rule or a team, or null when they can. */
  default String whyNot(String userId) {
    if (!canTakeCases(userId)) {
      return "is not an active owner";
    }
    return isAway(userId) ? "is away" : null;
  }

  /** How explanations name the owner (a display name; the id when unknown). */
  default String nameOf(String userId) {
    return userId;
  }
}
