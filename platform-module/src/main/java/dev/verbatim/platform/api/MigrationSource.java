package dev.verbatim.platform.api;

import java.util.List;

/**
 * A module's versioned schema migrations. Scripts are classpath resources applied once each, in
 * list order, modules in {@link #order()} order, at start-up before anything uses the database.
 */
public interface MigrationSource {

  /** Module name, e.g. {@code survey}; with the script name it identifies an applied migration. */
  String module();

  /** Lower runs first: platform 0, survey 10, followup 20, reporting 30. */
  int order();

  /** Classpath resource names, e.g. {@code db/survey/V1__surveys.sql}. */
  List<String> scripts();
}
