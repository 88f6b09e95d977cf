package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.survey.internal.persistence.ContactImportStore;
import java.util.List;

/** Where an import is: counts so far, the file-level problem if any, the first row problems. */
public record ImportStatus(
    String id,
    String fileName,
    String status,
    String mapping,
    int total,
    int processed,
    int created,
    int updated,
    int rejected,
    String problem,
    long createdAt,
    Long finishedAt,
    List<RowProblem> errors) {
  public static final String QUEUED = "QUEUED";
  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";

  public boolean finished() {
    return DONE.equals(status) || FAILED.equals(status);
  }

  /** Row problems beyond those kept (only the first {@link ContactImportStore#MAX_ERRORS}). */
  public boolean moreErrorsThanShown() {
    return rejected > 0 && errors.size() >= ContactImportStore.MAX_ERRORS;
  }

  public int percent() {
    return total <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, processed * 100L / total);
  }
}
