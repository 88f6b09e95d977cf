package dev.verbatim.followup.internal.domain;

/**
 * What an inbox shows: whose cases ({@link Scope}), narrowed by status, priority, overdue and
 * survey (null = any), in an order, one page at a time.
 */
public record CaseFilter(
    Scope scope,
    CaseStatus status,
    CasePriority priority,
    boolean onlyOverdue,
    String surveyId,
    Sort sort,
    int page,
    int size) {

  /** MINE: cases I own. TEAM: cases of the teams I belong to or lead. ALL: everything I may see. */
  public enum Scope {
    MINE,
    TEAM,
    ALL
  }

  /** DUE: soonest due first (the default). NEWEST: most recently received first. */
  public enum Sort {
    DUE,
    NEWEST
  }

  public CaseFilter {
    scope = scope == null ? Scope.ALL : scope;
    sort = sort == null ? Sort.DUE : sort;
    page = Math.max(page, 1);
    size = Math.max(size, 1);
  }

  public int firstResult() {
    return (page - 1) * size;
  }
}
