package dev.verbatim.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.platform.api.MigrationSource;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** Every module's scripts, migrated with Flyway as at start-up, on a fresh in-memory Derby. */
class AllModuleMigrationsTest {
  private final DataSource db = freshDerby();

  @Test
  void aFreshDatabaseGetsEveryTableAndEveryScriptInItsModulesHistory() throws Exception {
    ModuleMigrator.Outcome outcome = new ModuleMigrator(db, Schemas.modules()).migrate();

    assertThat(outcome.applied()).isEqualTo(Schemas.scriptCount());
    assertThat(Schemas.tablesTheScriptsCreate()).hasSizeGreaterThan(40);
    assertThat(Schemas.tables(db)).containsAll(Schemas.tablesTheScriptsCreate());
    for (MigrationSource module : Schemas.modules()) {
      assertThat(outcome.appliedBy(module.module())).isEqualTo(module.scripts().size());
      assertThat(Schemas.appliedScripts(db, module.module()))
          .as(module.module())
          .containsExactlyElementsOf(module.scripts());
      assertThat(Schemas.tables(db)).contains(ModuleMigrator.historyTable(module.module()));
    }
  }

  @Test
  void aSecondRunAppliesNothing() throws Exception {
    new ModuleMigrator(db, Schemas.modules()).migrate();

    ModuleMigrator.Outcome again = new ModuleMigrator(db, Schemas.modules()).migrate();

    assertThat(again.applied()).isZero();
    for (MigrationSource module : Schemas.modules()) {
      assertThat(Schemas.appliedScripts(db, module.module()))
          .containsExactlyElementsOf(module.scripts());
    }
  }

  static DataSource freshDerby() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:all-modules-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    return ds;
  }
}
