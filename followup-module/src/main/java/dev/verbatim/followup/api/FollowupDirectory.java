package dev.verbatim.followup.api;

/** Read-only follow-up figures for other modules. */
public interface FollowupDirectory {

  ClosureCounts closureCounts(String surveyId);
}
