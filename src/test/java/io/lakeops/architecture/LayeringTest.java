package io.lakeops.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the domain, the ports and the control loops free of frameworks and technologies: they speak
 * in domain words, and adapters convert at the edge.
 */
@AnalyzeClasses(packages = "io.lakeops", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final String JOBS = "io.lakeops.jobs..";
  private static final String CONTRACT = "io.lakeops.jobs.contract..";

  private static final String[] TECHNOLOGY = {
    "software.amazon..",
    "org.apache.livy..",
    "java.sql..",
    "javax.sql..",
    "jakarta.persistence..",
    "jakarta.transaction..",
    "jakarta.ws.rs..",
    "org.jboss.resteasy..",
    "io.quarkus..",
    "io.smallrye..",
    "io.vertx..",
    "org.hibernate..",
    "com.fasterxml.jackson..",
    "org.eclipse.microprofile.."
  };

  @ArchTest
  static final ArchRule domainKnowsNoTechnology =
      noClasses()
          .that()
          .resideInAPackage("io.lakeops.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TECHNOLOGY)
          .because("the domain is plain Java");

  @ArchTest
  static final ArchRule domainKnowsNoDependency =
      noClasses()
          .that()
          .resideInAPackage("io.lakeops.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta..", "javax..")
          .because("the domain needs no container either");

  @ArchTest
  static final ArchRule portsAndControlKnowNoTechnology =
      noClasses()
          .that()
          .resideInAnyPackage("io.lakeops.ports..", "io.lakeops.control..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(TECHNOLOGY)
          .because("ports and control loops speak in domain words; adapters convert at the edge");

  @ArchTest
  static final ArchRule innerLayersDoNotReachOut =
      noClasses()
          .that()
          .resideInAnyPackage("io.lakeops.domain..", "io.lakeops.ports..", "io.lakeops.control..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.lakeops.adapters..",
              "io.lakeops.web..",
              "io.lakeops.config..",
              "io.lakeops.scheduling..")
          .because("dependencies point inwards");

  @ArchTest
  static final ArchRule domainDoesNotUsePortsOrControl =
      noClasses()
          .that()
          .resideInAPackage("io.lakeops.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.lakeops.ports..", "io.lakeops.control..")
          .because("the domain is the centre");

  @ArchTest
  static final ArchRule webGoesThroughPortsAndControl =
      noClasses()
          .that()
          .resideInAPackage("io.lakeops.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.lakeops.adapters..")
          .because("pages and the API use ports and use cases; adapters are chosen by config");

  @ArchTest
  static final ArchRule theConsoleKnowsOnlyTheJobsContract =
      noClasses()
          .that()
          .resideOutsideOfPackage(JOBS)
          .should()
          .dependOnClassesThat(resideInAPackage(JOBS).and(resideOutsideOfPackage(CONTRACT)))
          .because("the job jar's classes need Spark, which the console does not have");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices()
          .matching("io.lakeops.(**)")
          .should()
          .beFreeOfCycles()
          .because("a cycle between packages makes neither understandable on its own");
}
