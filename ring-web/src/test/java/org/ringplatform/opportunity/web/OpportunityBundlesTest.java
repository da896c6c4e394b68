package org.ringplatform.opportunity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.Visibility;
import org.ringplatform.opportunity.OpportunityCategory;
import org.ringplatform.opportunity.OpportunityStatus;
import org.ringplatform.opportunity.OpportunityType;
import org.ringplatform.testing.web.Bundles;

/**
 * The opportunity bundle ({@code opp}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages use is defined, every type, category, status, visibility, level and status
 * group has a label, and every refusal code of the opportunity service has a text.
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

  @Test
  void everyVisibilityLevelAndStatusGroupOfTheEditorPagesHasALabel() {
    Properties en = Bundles.load(BASE, "");
    Set<String> needed = new TreeSet<>();
    for (Visibility visibility : Visibility.values()) {
      needed.add("visibility." + visibility.id());
    }
    for (String level : new OpportunityChoices().getLevels()) {
      needed.add("level." + level);
    }
    for (String group : List.of("all", "draft", "pending", "active", "closed", "archived")) {
      needed.add("my.group." + group);
    }
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  /**
   * Every refusal the editor, listing and moderation pages can meet has a translated text: literal
   * codes are read from the service sources, the "{field}_invalid" and "{field}_negative" codes of
   * the draft's fields and the "status_{status}" conflicts are listed here.
   */
  @Test
  void everyRefusalCodeOfTheOpportunityServiceHasAText() throws IOException {
    Properties en = Bundles.load(BASE, "");
    Set<String> codes = new TreeSet<>(List.of("forbidden", "not_found", "unauthenticated"));
    for (String field :
        List.of(
            "title",
            "summary",
            "description",
            "tags",
            "skills",
            "location",
            "contact",
            "budgetMin",
            "budgetMax",
            "note",
            "message",
            "response")) {
      codes.add(field + "_invalid");
    }
    codes.add("budgetMin_negative");
    codes.add("budgetMax_negative");
    for (OpportunityStatus status : OpportunityStatus.values()) {
      codes.add("status_" + status.id());
    }
    Set<String> missing = new TreeSet<>();
    for (String code : codes) {
      if (!en.containsKey("error." + code)) {
        missing.add(code);
      }
    }
    missing.addAll(
        Bundles.missingRefusalTexts(
            List.of(Path.of("../ring-ejb/src/main/java/org/ringplatform/opportunity")),
            Pattern.compile(
                "(?:invalid\\(|conflict\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\"\\s*,"),
            en));
    assertEquals(Set.of(), missing);
  }
}
