package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReportingMigrations implements MigrationSource {
  @Override
  public String module() {
    return "reporting";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public List<String> scripts() {
    return List.of(
        "db/reporting/V1__report_facts.sql",
        "db/reporting/V2__rollups.sql",
        "db/reporting/V3__words.sql",
        "db/reporting/V4__rollups_by_month.sql",
        "db/reporting/V5__striped_rollups.sql");
  }
}
