package org.ringplatform.i18n.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ringplatform.portal.web.NavItem;
import org.ringplatform.portal.web.NavigationModel;

/** Every portal string exists in English, Ukrainian and Russian, and every page key is defined. */
class MessageBundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        MessageBundlesTest.class.getResourceAsStream("/org/ringplatform/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void ukrainianAndRussianHaveExactlyTheEnglishKeys() throws IOException {
    Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
    assertEquals(en, new TreeSet<>(load("messages_uk.properties").stringPropertyNames()));
    assertEquals(en, new TreeSet<>(load("messages_ru.properties").stringPropertyNames()));
  }

  @Test
  void noTranslationIsEmpty() throws IOException {
    for (String bundle :
        new String[] {"messages.properties", "messages_uk.properties", "messages_ru.properties"}) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        assertTrue(!p.getProperty(key).isBlank(), bundle + " " + key);
      }
    }
  }

  @Test
  void everyKeyThePagesAndTheMenuUseIsDefined() throws IOException {
    Properties en = load("messages.properties");
    Pattern key = Pattern.compile("msg\\['([\\w.]+)'\\]");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        Matcher m = key.matcher(Files.readString(page));
        while (m.find()) {
          if (!en.containsKey(m.group(1))) {
            missing.add(page + ": " + m.group(1));
          }
        }
      }
    }
    for (NavItem item : NavigationModel.ITEMS) {
      if (!en.containsKey(item.labelKey())) {
        missing.add("menu: " + item.labelKey());
      }
    }
    assertEquals(Set.of(), missing);
  }
}
