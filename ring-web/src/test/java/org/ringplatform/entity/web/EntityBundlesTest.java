package org.ringplatform.entity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ringplatform.entity.EntityType;
import org.ringplatform.entity.ReportCategory;
import org.ringplatform.identity.Visibility;

/**
 * The entity bundle ({@code ent}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages and beans use is defined, and every industry type, report category,
 * visibility and refusal code of the entity service has a text.
 */
class EntityBundlesTest {

  private static final String[] BUNDLES = {
    "entities.properties", "entities_uk.properties", "entities_ru.properties"
  };

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        EntityBundlesTest.class.getResourceAsStream("/org/ringplatform/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void ukrainianAndRussianHaveExactlyTheEnglishKeys() throws IOException {
    Set<String> en = new TreeSet<>(load("entities.properties").stringPropertyNames());
    assertEquals(en, new TreeSet<>(load("entities_uk.properties").stringPropertyNames()));
    assertEquals(en, new TreeSet<>(load("entities_ru.properties").stringPropertyNames()));
  }

  @Test
  void englishHasItsOwnEmptyBundleSoItNeverFallsBackToTheJvmLocale() throws IOException {
    assertEquals(Set.of(), load("entities_en.properties").stringPropertyNames());
  }

  @Test
  void noTextIsEmptyAndEveryPatternFormats() throws IOException {
    for (String bundle : BUNDLES) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        String text = p.getProperty(key);
        assertTrue(!text.isBlank(), bundle + " " + key);
        if (text.contains("{0}")) {
          String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"X"});
          assertTrue(formatted.contains("X"), bundle + " " + key + ": " + formatted);
        }
      }
    }
  }

  @Test
  void everyKeyThePagesAndBeansUseIsDefined() throws IOException {
    Properties en = load("entities.properties");
    Set<String> missing = new TreeSet<>();
    Pattern pageKey = Pattern.compile("ent\\['([\\w.]+)'\\]");
    try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        Matcher m = pageKey.matcher(Files.readString(page));
        while (m.find()) {
          if (!en.containsKey(m.group(1))) {
            missing.add(page + ": " + m.group(1));
          }
        }
      }
    }
    // Keys passed as literals to EntityMessages from the page beans.
    Pattern beanKey = Pattern.compile("EntityMessages\\.(?:info|text|has)\\(\\s*\"([\\w.]+)\"");
    Pattern ternaryKey =
        Pattern.compile("\\?\\s*\"([a-z]+\\.[\\w.]+)\"\\s*:\\s*\"([a-z]+\\.[\\w.]+)\"");
    List<Path> beans = new java.util.ArrayList<>();
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/ringplatform/entity/web"))) {
      beans.addAll(sources.toList());
    }
    for (Path source : beans) {
      String text = Files.readString(source);
      Matcher m = beanKey.matcher(text);
      while (m.find()) {
        if (!en.containsKey(m.group(1))) {
          missing.add(source + ": " + m.group(1));
        }
      }
      Matcher t = ternaryKey.matcher(text);
      while (t.find()) {
        for (int g = 1; g <= 2; g++) {
          if (!en.containsKey(t.group(g))) {
            missing.add(source + ": " + t.group(g));
          }
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyTypeCategoryAndVisibilityHasALabel() throws IOException {
    Properties en = load("entities.properties");
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
    Properties en = load("entities.properties");
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
    Path services = Path.of("../ring-ejb/src/main/java/org/ringplatform/entity");
    if (Files.isDirectory(services)) {
      Pattern code = Pattern.compile("(?:invalid\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\"");
      try (Stream<Path> sources = Files.walk(services)) {
        for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = code.matcher(Files.readString(source));
          while (m.find()) {
            if (!en.containsKey("error." + m.group(1))) {
              missing.add(source.getFileName() + ": " + m.group(1));
            }
          }
        }
      }
    }
    assertEquals(Set.of(), missing);
  }
}
