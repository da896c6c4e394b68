package org.ringplatform.notification.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.testing.web.Bundles;

/**
 * The notification bundle ({@code ntf}) exists in English, Ukrainian and Russian with the same
 * keys; every key the pages and beans use is defined, and every catalogued notification type has
 * its inbox text and its preferences label.
 */
class NotificationBundlesTest {

  private static final String BASE = "notifications";

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
    Set<String> missing = Bundles.missingPageKeys("ntf", en());
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of("src/main/java/org/ringplatform/notification/web"),
            Pattern.compile("NTF\\.(?:info|text|has)\\(\\s*\"([\\w.]+)\""),
            en()));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyNotificationTypeHasAnInboxTextAndAPreferenceLabel() {
    Properties en = en();
    Set<String> missing = new TreeSet<>();
    for (NotificationTypes.Type type : NotificationTypes.ALL) {
      for (String key : List.of("type." + type.id(), "label." + type.id())) {
        if (!en.containsKey(key)) {
          missing.add(key);
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyRefusalOfTheNotificationServiceHasAText() throws IOException {
    assertEquals(
        Set.of(),
        Bundles.missingRefusalTexts(
            List.of(
                java.nio.file.Path.of("../ring-ejb/src/main/java/org/ringplatform/notification")),
            Pattern.compile("(?:invalid\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\""),
            en()));
  }
}
