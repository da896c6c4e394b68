package org.ringplatform.matcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ringplatform.testing.web.Bundles;

/**
 * The matcher bundle ({@code mat}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages use is defined, and every job, run status and trigger has a label.
 */
class MatcherBundlesTest {

  private static final String BASE = "matcher";

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
  void everyKeyThePagesUseIsDefined() throws IOException {
    assertEquals(Set.of(), Bundles.missingPageKeys("mat", Bundles.load(BASE, "")));
  }

  @Test
  void everyJobStatusAndTriggerHasALabel() {
    Properties en = Bundles.load(BASE, "");
    Set<String> missing = new TreeSet<>();
    for (String key :
        new String[] {
          "job.MatcherJob",
          "job.ExpiryJob",
          "job.SettlementJob",
          "status.starting",
          "status.running",
          "status.completed",
          "status.failed",
          "status.stopped",
          "status.interrupted",
          "trigger.manual",
          "trigger.schedule",
          "trigger.listing",
          "trigger.recovery",
          "trigger.rerun"
        }) {
      if (!en.containsKey(key)) {
        missing.add(key);
      }
    }
    assertEquals(Set.of(), missing);
  }
}
