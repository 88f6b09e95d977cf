package it.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fallback owner is one global setting, it cannot be unset, and the IT server's database is
 * shared by every test class of the run. So "publishing without a fallback owner is refused" can
 * only be observed before the first class sets one. Every test class sets the fallback owner
 * through {@link #assign}; the first call of the run, finding none set, first tries to publish a
 * draft and records what the server answered. {@code WholeLoopIT} asserts on that record, whichever
 * class happened to run first. (Failsafe runs all classes in one JVM by default; the record is per
 * JVM.)
 */
public final class FallbackOwner {
  /**
   * What the server said to the first publish attempt of the run, and the survey as read back
   * afterwards.
   */
  public record PublishWithoutFallbackOwner(ApiResponse publish, ApiResponse surveyAfterwards) {}

  private static boolean settingsSeen;
  private static PublishWithoutFallbackOwner observed;
  private static String alreadySetBy;

  private FallbackOwner() {}

  /**
   * Makes {@code owner} the fallback owner ({@code PUT /api/followup/settings}), after the one-off
   * probe above.
   */
  public static synchronized void assign(ApiClient manager, StaffMember owner) {
    if (!settingsSeen) {
      settingsSeen = true;
      var current = manager.get("/api/followup/settings").expectStatus(200).json();
      if (current.getString("fallbackOwner", null) == null) {
        String surveyId =
            manager
                .postJson(
                    "/api/surveys",
                    Map.of(
                        "title", Names.unique("Published too early"),
                        "questions",
                            List.of(
                                Map.of(
                                    "type",
                                    "NPS",
                                    "prompt",
                                    "How likely are you to recommend us?"))))
                .expectStatus(201)
                .json()
                .getString("id");
        ApiResponse publish = manager.postJson("/api/surveys/" + surveyId + "/publish", Map.of());
        observed =
            new PublishWithoutFallbackOwner(publish, manager.get("/api/surveys/" + surveyId));
      } else {
        alreadySetBy = current.getString("fallbackOwner");
      }
    }
    manager
        .putJson("/api/followup/settings", Map.of("fallbackOwner", owner.username()))
        .expectStatus(200);
  }

  public static synchronized Optional<PublishWithoutFallbackOwner>
      firstPublishWithoutFallbackOwner() {
    return Optional.ofNullable(observed);
  }

  /** Why there is no observation, for the failure message. */
  public static synchronized String whyNotObserved() {
    if (!settingsSeen) {
      return "no test class has set a fallback owner through FallbackOwner.assign yet";
    }
    return "the fallback owner was already set (to "
        + alreadySetBy
        + ") before the first test class of this JVM asked;"
        + " something outside FallbackOwner.assign set it, or the server was not fresh";
  }
}
