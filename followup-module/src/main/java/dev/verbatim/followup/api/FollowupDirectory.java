package dev.verbatim.followup.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only follow-up figures for other modules. */
public interface FollowupDirectory {

  ClosureCounts closureCounts(String surveyId);

  Optional<CaseSnapshot> caseSnapshot(String caseId);

  /**
   * Cases in id order after {@code afterCaseId} (null for the first page), for rebuilding reports.
   */
  List<CaseSnapshot> caseSnapshots(String afterCaseId, int limit);

  /** Team names by id, ordered by name. */
  Map<String, String> teamNames();

  /** Root causes (code and label), in the order managers set. */
  Map<String, String> rootCauseLabels();
}
