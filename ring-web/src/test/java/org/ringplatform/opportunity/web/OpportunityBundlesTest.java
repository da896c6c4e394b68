package org.ringplatform.opportunity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ringplatform.opportunity.OpportunityCategory;
import org.ringplatform.opportunity.OpportunityStatus;
import org.ringplatform.opportunity.OpportunityType;
import org.ringplatform.testing.web.Bundles;

/**
 * The opportunity bundle ({@code opp}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages use is defined, and every type, category and status has a label.
 */
class OpportunityBundlesTest {

  private static final String BASE = "opportunities";

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
    assertEquals(Set.of(), Bundles.missingPageKeys("opp", Bundles.load(BASE, "")));
  }

  @Test
  void everyTypeCategoryAndStatusHasALabel() {
    Properties en = Bundles.load(BASE, "");
    Set<String> needed = new TreeSet<>();
    for (OpportunityType type : OpportunityType.values()) {
      needed.add("type." + type.id());
    }
    for (OpportunityCategory category : OpportunityCategory.values()) {
      needed.add("category." + category.id());
    }
    for (OpportunityStatus status : OpportunityStatus.values()) {
      needed.add("status." + status.id());
    }
    for (String sort : new OpportunityChoices().getSorts()) {
      needed.add("sort." + sort);
    }
    needed.add(OpportunityMessages.GENERIC_ERROR);
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }
}
