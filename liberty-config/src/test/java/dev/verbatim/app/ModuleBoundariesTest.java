package dev.verbatim.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modular monolith's rules: modules meet only through their api packages, and only downstream.
 */
class ModuleBoundariesTest {
  private static final List<String> MODULES =
      List.of("platform", "survey", "followup", "reporting");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.verbatim");
  }

  @Test
  void aModuleNeverReachesIntoAnotherModulesInternals() {
    for (String module : MODULES) {
      for (String other : MODULES) {
        if (!module.equals(other)) {
          noClasses()
              .that()
              .resideInAPackage("dev.verbatim." + module + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("dev.verbatim." + other + ".internal..")
              .because("modules talk only through each other's api package")
              .check(classes);
        }
      }
    }
  }

  @Test
  void dependenciesPointOneWayFromPlatformToReporting() {
    for (int i = 0; i < MODULES.size(); i++) {
      for (int later = i + 1; later < MODULES.size(); later++) {
        noClasses()
            .that()
            .resideInAPackage("dev.verbatim." + MODULES.get(i) + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.verbatim." + MODULES.get(later) + "..")
            .because("platform <- survey <- followup <- reporting")
            .check(classes);
      }
    }
  }

  @Test
  void theDomainKnowsNothingOfHttp() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.verbatim..internal.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..");
    rule.check(classes);
  }

  @Test
  void apiPackagesExposeNoEntitiesOrInternals() {
    noClasses()
        .that()
        .resideInAPackage("dev.verbatim..api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.verbatim..internal..")
        .check(classes);
  }
}
