package dev.verbatim.platform.api;

import java.util.List;

/**
 * A module's versioned schema migrations, applied with Flyway at start-up before anything uses the
 * database: modules in {@link #order()} order, each module's scripts in version order, each script
 * once. Every module has its own Flyway history table ({@code flyway_history_<module>}), so two
 * modules may both have a {@code V1}. See docs/MIGRATIONS.md.
 *
 * <p>Scripts are named {@code V<version>__<description>.sql} (gaps in the versions are fine; a new
 * script takes a version above every applied one) and hold plain SQL, statements ending with {@code
 * ;}, {@code --} comments allowed. Flyway reads only the scripts listed here, through the class
 * loader; it does not scan the class path.
 *
 * <p><b>Dialects.</b> Where PostgreSQL and Derby need different SQL, put the vendor's version of a
 * script beside the common one as {@code db/<module>/<vendor>/<same file name>}, vendor being
 * {@code postgresql} or {@code derby}: when that resource exists it is applied on that database
 * instead of the common script (list only the common name here). Each script runs in one
 * transaction.
 */
public interface MigrationSource {

  /**
   * Module name, e.g. {@code survey}: names the module's history table {@code
   * flyway_history_<module>}.
   */
  String module();

  /** Lower runs first: platform 0, survey 10, followup 20, reporting 30. */
  int order();

  /** Classpath resource names, e.g. {@code db/survey/V1__surveys.sql}. */
  List<String> scripts();
}
