package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class FollowupMigrations implements MigrationSource {
  @Override
  public String module() {
    return "followup";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<String> scripts() {
    return List.of(
        "db/followup/V1__cases_teams.sql",
        "db/followup/V2__followup_in_depth.sql",
        "db/followup/V3__conversation.sql");
  }
}
