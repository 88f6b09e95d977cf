package dev.verbatim.platform.internal.startup;

import dev.verbatim.platform.api.HealthDown;
import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The server's start-up, once, before it serves anyone: every module's schema migrations ({@link
 * ModuleMigrator}, logging which database this server uses), then {@link SchemaReady} for the work
 * that needs the schema (first admin, keys, demo data, schedulers). On a shared PostgreSQL it runs
 * under {@link StartupLock}, so servers starting together take turns and each finds what the one
 * before created. A failure leaves the application deployed but not ready ({@link StartupStatus}):
 * readiness DOWN with the reason instead of a server that looks up.
 */
@ApplicationScoped
public class ApplicationStartup {
  private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  @Inject Instance<MigrationSource> sources;
  @Inject Event<SchemaReady> schemaReady;
  @Inject StartupStatus status;

  void onStart(@Observes @Initialized(ApplicationScoped.class) @Priority(1) Object ignored) {
    try (StartupLock.Held lock = StartupLock.acquire(dataSource)) {
      migrate();
      schemaReady.fire(new SchemaReady());
      status.ready();
    } catch (SQLException | RuntimeException e) {
      String reason = HealthDown.reason(e);
      LOG.log(Level.SEVERE, "Verbatim did not start: " + reason, e);
      status.failed(reason);
    }
  }

  private void migrate() {
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
  }
}
