package dev.verbatim.survey.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class SurveyMigrations implements MigrationSource {
  @Override
  public String module() {
    return "survey";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<String> scripts() {
    return List.of(
        "db/survey/V1__surveys_contacts_responses.sql",
        "db/survey/V2__sender_and_opened.sql",
        "db/survey/V3__question_types_versions_partials.sql",
        "db/survey/V4__contact_import.sql",
        "db/survey/V5__distribution_suppression.sql",
        "db/survey/V6__contact_attributes_in_row.sql",
        "db/survey/V7__import_heartbeat.sql");
  }
}
