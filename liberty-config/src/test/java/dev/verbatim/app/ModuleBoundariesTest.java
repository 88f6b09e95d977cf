package dev.verbatim.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.List;
import javax.sql.DataSource;
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

  /**
   * Each module's SQL and JPA access lives in its own {@code internal.persistence} package, where
   * the dialect knowledge (Derby, PostgreSQL) has one home. Entities may stay JPA-annotated in
   * {@code internal.domain}: the rule is about running queries, not about mapping annotations.
   */
  @Test
  void onlyPersistencePackagesQueryTheDatabase() {
    // platform is pending: parts of it are being rewritten; its persistence package comes after
    for (String module : List.of("survey", "followup", "reporting")) {
      noClasses()
          .that()
          .resideInAPackage("dev.verbatim." + module + "..")
          .and()
          .resideOutsideOfPackage("dev.verbatim." + module + ".internal.persistence..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              EntityManager.class,
              Query.class,
              TypedQuery.class,
              PersistenceContext.class,
              DataSource.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("java.sql..")
          .because(
              "only "
                  + module
                  + "'s internal.persistence package may run SQL or JPA queries (EntityManager,"
                  + " Query, JDBC): its repositories hold every statement of the module and the"
                  + " differences between Derby and PostgreSQL in one place")
          .check(classes);
    }
  }

  /**
   * Reports follow surveys and follow-up through the module-event log, after the customer's
   * transaction commits: a CDI observer of their events would run inside that transaction again.
   */
  @Test
  void noReportingListenerRunsInTheCallersTransaction() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.verbatim.reporting..")
        .should(notObserveEventsOf("dev.verbatim.survey", "dev.verbatim.followup"))
        .check(classes);
  }

  private static ArchCondition<JavaMethod> notObserveEventsOf(String... modules) {
    return new ArchCondition<>("not observe survey or follow-up events synchronously") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        for (JavaParameter parameter : method.getParameters()) {
          String type = parameter.getRawType().getName();
          for (String module : modules) {
            if (parameter.isAnnotatedWith(Observes.class) && type.startsWith(module + ".")) {
              events.add(
                  SimpleConditionEvent.violated(
                      method,
                      method.getFullName()
                          + " observes "
                          + type
                          + " in the publisher's transaction; implement ModuleEventListener"));
            }
          }
        }
      }
    };
  }
}
