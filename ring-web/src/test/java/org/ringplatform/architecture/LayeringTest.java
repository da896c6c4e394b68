package org.ringplatform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringplatform.api.RingApplication;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.platform.PlatformSettings;

/**
 * The layering of the modules, checked on the compiled classes: persistence depends on nothing of
 * ours, domain services know nothing of the web, pages and resources reach the database only
 * through services, and implementations stay behind their interfaces.
 */
class LayeringTest {

  static JavaClasses persistence;
  static JavaClasses services;
  static JavaClasses web;
  static JavaClasses all;

  /**
   * The classes of the module (a jar, or a classes directory in the reactor) holding {@code type}.
   */
  private static JavaClasses moduleOf(Class<?> type, ClassFileImporter importer)
      throws URISyntaxException, IOException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return importer.importPath(location);
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      return importer.importJar(jar);
    }
  }

  @BeforeAll
  static void importModules() throws URISyntaxException, IOException {
    ClassFileImporter importer = new ClassFileImporter();
    persistence = moduleOf(UserAccount.class, importer);
    services = moduleOf(PlatformSettings.class, importer);
    web = moduleOf(RingApplication.class, importer);
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ringplatform");
  }

  @Test
  void persistenceDependsOnNoOtherModuleAndNoPresentationApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.ejb..",
            "jakarta.faces..",
            "jakarta.ws.rs..",
            "jakarta.servlet..",
            "org.ringplatform..internal..",
            "org.ringplatform..web..",
            "org.ringplatform..api..")
        .check(persistence);
  }

  @Test
  void domainServicesKnowNothingOfTheWeb() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.faces..",
            "jakarta.ws.rs..",
            "jakarta.servlet..",
            "jakarta.websocket..",
            "org.primefaces..",
            "org.ringplatform..web..",
            "org.ringplatform..api..")
        .check(services);
  }

  @Test
  void pagesAndResourcesNeverTouchTheEntityManagerOrJdbc() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..", "org.flywaydb..")
        .check(web);
  }

  @Test
  void implementationsAreUsedOnlyThroughTheirInterfaces() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ringplatform..internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ringplatform..internal..")
        .check(all);
  }

  @Test
  void restResourcesAreNamedResource() {
    classes()
        .that()
        .areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should()
        .haveSimpleNameEndingWith("Resource")
        .check(web);
  }
}
