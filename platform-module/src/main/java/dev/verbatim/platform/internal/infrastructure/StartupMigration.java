package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Migrates every module's schema ({@link ModuleMigrator}) when the application starts, before
 * anything else touches the database, then fires {@link SchemaReady}. A failure stops the start-up
 * with an {@link IllegalStateException} naming the module and script.
 */
@ApplicationScoped
public class StartupMigration {
  private static final Logger LOG = Logger.getLogger(StartupMigration.class.getName());

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  @Inject Instance<MigrationSource> sources;
  @Inject Event<SchemaReady> schemaReady;

  void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object ignored) {
    List<MigrationSource> modules = new ArrayList<>();
    sources.forEach(modules::add);
    ModuleMigrator.Outcome outcome = new ModuleMigrator(dataSource, modules).migrate();
    LOG.info(
        () ->
            "Database: "
                + outcome.database()
                + "; schema up to date, migrations applied per module: "
                + outcome.modules().stream()
                    .map(
                        m ->
                            m.module()
                                + " "
                                + m.applied()
                                + (m.baselinedAt() == null
                                    ? ""
                                    : " (baselined at V" + m.baselinedAt() + ")"))
                    .collect(Collectors.joining(", ")));
    schemaReady.fire(new SchemaReady());
  }
}
