package org.ringplatform.testing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks every resource bundle of the portal passes (same keys in en/uk/ru, an empty English
 * file, no empty text, patterns that format) and the searches for keys that pages, beans and
 * services use, shared by the bundle tests of each feature.
 */
public final class Bundles {

  private static final String DIR = "/org/ringplatform/i18n/";
  private static final Pattern TERNARY_KEY =
      Pattern.compile("\\?\\s*\"([a-z]+\\.[\\w.]+)\"\\s*:\\s*\"([a-z]+\\.[\\w.]+)\"");

  private Bundles() {}

  /** The bundle file {@code base_suffix.properties} ({@code base.properties} for no suffix). */
  public static Properties load(String base, String suffix) {
    String name = base + (suffix.isEmpty() ? "" : "_" + suffix) + ".properties";
    Properties p = new Properties();
    try (InputStream in = Bundles.class.getResourceAsStream(DIR + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
    return p;
  }

  public static void assertUkrainianAndRussianHaveTheEnglishKeys(String base) {
    Set<String> en = new TreeSet<>(load(base, "").stringPropertyNames());
    assertEquals(en, new TreeSet<>(load(base, "uk").stringPropertyNames()));
    assertEquals(en, new TreeSet<>(load(base, "ru").stringPropertyNames()));
  }

  public static void assertEnglishFileIsEmpty(String base) {
    assertEquals(Set.of(), load(base, "en").stringPropertyNames());
  }

  /**
   * No text is blank, and a text with {@code {0}} formats (a lone apostrophe would swallow the
   * placeholder), except for keys {@code plainText} names (shown without MessageFormat).
   */
  public static void assertTextsPresentAndFormat(String base, Predicate<String> plainText) {
    for (String suffix : List.of("", "uk", "ru")) {
      Properties p = load(base, suffix);
      for (String key : p.stringPropertyNames()) {
        String text = p.getProperty(key);
        assertTrue(!text.isBlank(), base + "_" + suffix + " " + key);
        if (text.contains("{0}") && !plainText.test(key)) {
          String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"X"});
          assertTrue(formatted.contains("X"), base + "_" + suffix + " " + key + ": " + formatted);
        }
      }
    }
  }

  /** Keys used as {@code var['key']} in the Facelets pages but missing from {@code bundle}. */
  public static Set<String> missingPageKeys(String var, Properties bundle) throws IOException {
    Pattern pageKey = Pattern.compile(Pattern.quote(var) + "\\['([\\w.]+)'\\]");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        collect(page, Files.readString(page), pageKey, bundle, "", missing);
      }
    }
    return missing;
  }

  /**
   * Keys the Java sources in {@code dirs} pass as literals (matched by {@code literalKey}, or in a
   * {@code cond ? "a.b" : "c.d"} choice) but missing from {@code bundle}.
   */
  public static Set<String> missingSourceKeys(
      List<String> dirs, Pattern literalKey, Properties bundle) throws IOException {
    Set<String> missing = new TreeSet<>();
    for (String dir : dirs) {
      try (Stream<Path> sources = Files.list(Path.of(dir))) {
        for (Path source : sources.toList()) {
          String text = Files.readString(source);
          collect(source, text, literalKey, bundle, "", missing);
          collect(source, text, TERNARY_KEY, bundle, "", missing);
        }
      }
    }
    return missing;
  }

  /**
   * Refusal codes ({@code code} matches them) raised by the service sources under {@code dirs}
   * without an {@code error.<code>} text in {@code bundle}. Every directory must exist.
   */
  public static Set<String> missingRefusalTexts(List<Path> dirs, Pattern code, Properties bundle)
      throws IOException {
    Set<String> missing = new TreeSet<>();
    for (Path dir : dirs) {
      assertTrue(Files.isDirectory(dir), dir + " is read from the reactor");
      try (Stream<Path> sources = Files.walk(dir)) {
        for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          collect(source, Files.readString(source), code, bundle, "error.", missing);
        }
      }
    }
    return missing;
  }

  private static void collect(
      Path where,
      String text,
      Pattern pattern,
      Properties bundle,
      String prefix,
      Set<String> missing) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null && !bundle.containsKey(prefix + m.group(g))) {
          missing.add(where.getFileName() + ": " + m.group(g));
        }
      }
    }
  }
}
