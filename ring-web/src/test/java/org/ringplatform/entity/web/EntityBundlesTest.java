package org.ringplatform.entity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.entity.EntityType;
import org.ringplatform.entity.ReportCategory;
import org.ringplatform.identity.Visibility;
import org.ringplatform.testing.web.Bundles;

/**
 * The entity bundle ({@code ent}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages and beans use is defined, and every industry type, report category,
 * visibility and refusal code of the entity service has a text.
 */
class EntityBundlesTest {

  private static final String BASE = "entities";

  private static Properties en() {
    return Bundles.load(BASE, "");
  }

  @Test
  void ukrainianAndRussianHaveExactlyTheEnglishKeys() {
    Bundles.assertUkrainianAndRussianHaveTheEnglishKeys(BASE);
  }

  @Test
  void englishHasItsOwnEmptyBundleSoItNeverFallsBackToTheJvmLocale() {
    Bundles.assertEnglishFileIsEmpty(BASE);
  }

  @Test
  void noTextIsEmptyAndEveryPatternFormats() {
    Bundles.assertTextsPresentAndFormat(BASE, key -> false);
  }

  @Test
  void everyKeyThePagesAndBeansUseIsDefined() throws IOException {
    Set<String> missing = Bundles.missingPageKeys("ent", en());
    // Keys passed as literals to EntityMessages from the page beans.
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of("src/main/java/org/ringplatform/entity/web"),
            Pattern.compile("EntityMessages\\.(?:info|text|has)\\(\\s*\"([\\w.]+)\""),
            en()));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyTypeCategoryAndVisibilityHasALabel() throws IOException {
    Properties en = en();
    Set<String> needed = new TreeSet<>();
    for (EntityType type : EntityType.values()) {
      needed.add("type." + type.id());
    }
    for (ReportCategory category : ReportCategory.values()) {
      needed.add("report.category." + category.id());
    }
    for (Visibility visibility : Visibility.values()) {
      needed.add("visibility." + visibility.id());
    }
    needed.add(EntityMessages.GENERIC_ERROR);
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  /**
   * Every refusal code the entity service raises has a translated text. Literal codes are read from
   * the service sources; the "{field}_invalid" codes of the draft's fields are listed here.
   */
  @Test
  void everyRefusalCodeOfTheEntityServiceHasAText() throws IOException {
    Properties en = en();
    Set<String> missing = new TreeSet<>();
    for (String field :
        List.of(
            "name",
            "shortDescription",
            "fullDescription",
            "logoUrl",
            "gallery",
            "location",
            "website",
            "contactEmail",
            "phone")) {
      if (!en.containsKey("error." + field + "_invalid")) {
        missing.add(field + "_invalid");
      }
    }
    for (String code : List.of("forbidden", "not_found", "unauthenticated")) {
      if (!en.containsKey("error." + code)) {
        missing.add(code);
      }
    }
    // The verification pages show the verification service's refusals from this bundle too.
    missing.addAll(
        Bundles.missingRefusalTexts(
            List.of(
                Path.of("../ring-ejb/src/main/java/org/ringplatform/entity"),
                Path.of("../ring-ejb/src/main/java/org/ringplatform/verification")),
            Pattern.compile("(?:invalid\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\""),
            en));
    assertEquals(Set.of(), missing);
  }
}
