package dev.verbatim.followup.internal.domain;

/** Who gets a case and why: {@code rule} names the routing step that decided. */
public record Assignment(String ownerId, String teamId, String rule) {
  public static final String SURVEY_TEAM = "SURVEY_DEFAULT_TEAM";
  public static final String FALLBACK = "FALLBACK_OWNER";
  public static final String REASSIGNED = "REASSIGNED";
}
