package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlatformMigrations implements MigrationSource {
  @Override
  public String module() {
    return "platform";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<String> scripts() {
    return List.of(
        "db/platform/V1__staff_and_outbox.sql",
        "db/platform/V2__mail_outcomes.sql",
        "db/platform/V5__secret_keys.sql",
        "db/platform/V6__module_events.sql",
        "db/platform/V7__staff_sessions.sql",
        "db/platform/V8__job_leases.sql");
  }
}
