package org.aftercarebridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries a newcomer can rely on: matching is plain Java, the domain does not know Camel or
 * HAPI's server, routes do not know the web layer, and no feature reaches into another's internals.
 */
class ArchitectureTest {

  static final String ROOT = "org.aftercarebridge";
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    assertThat(production.containPackage(ROOT + ".matching")).isTrue();
    assertThat(production.containPackage(ROOT + ".integration.intake")).isTrue();
  }

  static ArchRule matchingIsPlainJava(String root) {
    return
      classes()
          .that().resideInAPackage(root + ".matching..")
          .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".matching..", "java..")
          .as("matching depends on nothing but the JDK (no Spring, Camel or FHIR)");
  }

  static ArchRule domainKnowsNoCamelNorFhirServer(String root) {
    return
      noClasses()
          .that().resideInAnyPackage(root + ".matching..", root + ".directory..", root + ".referral..")
          .and().resideOutsideOfPackage(root + "..web..")
          .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "ca.uhn.fhir.rest.server..")
          .as("the domain (matching, directory, referral) imports neither Camel nor HAPI's server; only its web adapters do");
  }

  static ArchRule routesDoNotKnowTheWebLayer(String root) {
    return
      noClasses()
          .that().resideInAPackage(root + ".integration..")
          .should().dependOnClassesThat().resideInAnyPackage(
              root + ".fhir..", root + ".security..", root + ".broker..", root + "..web..", "ca.uhn.fhir.rest.server.provider..")
          .as("routes translate and orchestrate; they do not depend on the HTTP, security or broker set-up");
  }

  static ArchRule mappersArePlainClasses(String root) {
    return
      classes()
          .that().haveSimpleNameEndingWith("Mapper").and().resideInAPackage(root + "..")
          .should().onlyDependOnClassesThat(DescribedPredicate.not(
              JavaClass.Predicates.resideInAnyPackage("org.apache.camel..", "org.springframework..")))
          .as("mappers are plain classes: no Camel or Spring types");
  }

  static ArchRule noCyclesBetweenFeatures(String root) {
    return
      slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** A class under {@code <feature>.internal} is used only inside {@code <feature>}. */
  static ArchRule internalsStayInsideTheirFeature(String root) {
    return
      classes().that().resideInAPackage(root + "..internal..").should(new ArchCondition<>("be used only inside their own feature") {
        @Override
        public void check(JavaClass internal, ConditionEvents events) {
          String feature = internal.getPackageName().substring(0, internal.getPackageName().indexOf(".internal"));
          internal.getDirectDependenciesToSelf().stream()
              .filter(dependency -> !dependency.getOriginClass().getPackageName().startsWith(feature))
              .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
        }
      }).allowEmptyShould(true);
  }

  @Test
  void matchingIsPlainJava() {
    matchingIsPlainJava(ROOT).check(production);
  }

  @Test
  void theDomainImportsNeitherCamelNorTheFhirServer() {
    domainKnowsNoCamelNorFhirServer(ROOT).check(production);
  }

  @Test
  void routesDoNotKnowTheWebLayer() {
    routesDoNotKnowTheWebLayer(ROOT).check(production);
  }

  @Test
  void mappersArePlainClasses() {
    mappersArePlainClasses(ROOT).check(production);
  }

  @Test
  void featuresHaveNoCycles() {
    noCyclesBetweenFeatures(ROOT).check(production);
  }

  @Test
  void noFeatureReachesIntoAnothersInternals() {
    internalsStayInsideTheirFeature(ROOT).check(production);
  }

  /** The rules are not vacuous: each one rejects a deliberate violation (see the violations package). */
  @Test
  void theRulesCatchViolations() {
    String root = ROOT + ".architecture.violations";
    JavaClasses violations = new ClassFileImporter().importPackages(root);
    for (ArchRule rule :
        new ArchRule[] {
          matchingIsPlainJava(root),
          domainKnowsNoCamelNorFhirServer(root),
          routesDoNotKnowTheWebLayer(root),
          mappersArePlainClasses(root),
          noCyclesBetweenFeatures(root),
          internalsStayInsideTheirFeature(root)
        }) {
      EvaluationResult result = rule.evaluate(violations);
      assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    }
  }
}
