package org.ringplatform.store.catalogue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.store.catalogue.ProductStatus;
import org.ringplatform.store.vendor.VendorDecision;
import org.ringplatform.testing.web.Bundles;

/**
 * The store bundle ({@code sto}) exists in English, Ukrainian and Russian with the same keys; every
 * key the pages and beans use is defined; every category, kind, order, status, tier, decision and
 * history event has a label; and every refusal code of the vendor and catalogue services has a
 * text.
 */
class StoreBundlesTest {

  private static final String BASE = "store";

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
    Set<String> missing = Bundles.missingPageKeys("sto", en());
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of(
                "src/main/java/org/ringplatform/store/catalogue/web",
                "src/main/java/org/ringplatform/store/vendor/web"),
            Pattern.compile(
                "(?:info|error|refusal|has)\\(\\s*(?:[^,()]*,\\s*)*\"([a-z]+\\.[\\w.]+)\"\\s*[,)]"),
            en()));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyChoiceStatusTierDecisionAndEventHasALabel() {
    Properties en = en();
    StoreChoices choices = new StoreChoices();
    Set<String> needed = new TreeSet<>();
    choices.getCategories().forEach(c -> needed.add("category." + c));
    choices.getKinds().forEach(k -> needed.add("kind." + k));
    choices.getSorts().forEach(s -> needed.add("sort." + s));
    choices.getStatuses().forEach(s -> needed.add("status." + s));
    choices.getVendorStatuses().forEach(s -> needed.add("vendorStatus." + s));
    for (String tier : List.of("starter", "growth", "professional", "enterprise")) {
      needed.add("tier." + tier);
    }
    for (VendorDecision d : VendorDecision.values()) {
      needed.add("vendors.done." + d.id());
      needed.add("event." + d.event());
    }
    for (String event :
        List.of(
            "opened",
            "reapplied",
            "updated",
            "tier_changed",
            "product_submitted",
            "product_resubmitted",
            "product_approved",
            "product_rejected",
            "product_archived")) {
      needed.add("event." + event);
    }
    needed.add(StoreMessages.GENERIC_ERROR);
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  /**
   * Every refusal the store's pages can meet has a translated text: literal codes are read from the
   * service sources; the "{field}_invalid" and "{field}_negative" codes of the drafts' fields and
   * the "status_{status}" conflicts are listed here.
   */
  @Test
  void everyRefusalCodeOfTheStoreServicesHasAText() throws IOException {
    Properties en = en();
    Set<String> codes =
        new TreeSet<>(List.of("forbidden", "not_found", "unauthenticated", "file_missing"));
    for (String field :
        List.of(
            "name",
            "description",
            "note",
            "title",
            "price",
            "minPrice",
            "maxPrice",
            "stock",
            "change",
            "reason")) {
      codes.add(field + "_invalid");
    }
    for (String field : List.of("price", "minPrice", "maxPrice")) {
      codes.add(field + "_negative");
    }
    for (ProductStatus status : ProductStatus.values()) {
      codes.add("status_" + status.id());
    }
    for (String status : new StoreChoices().getVendorStatuses()) {
      codes.add("status_" + status);
    }
    Set<String> missing = new TreeSet<>();
    for (String code : codes) {
      if (!en.containsKey("error." + code)) {
        missing.add(code);
      }
    }
    Pattern literal =
        Pattern.compile("(?:invalid\\(|conflict\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\"\\s*,");
    // Only the vendor and catalogue packages: the cart, orders and refunds have bundles of their
    // own.
    for (String feature : List.of("vendor", "catalogue")) {
      missing.addAll(
          Bundles.missingRefusalTexts(
              List.of(
                  Path.of("../ring-ejb/src/main/java/org/ringplatform/store/" + feature),
                  Path.of("src/main/java/org/ringplatform/store/" + feature)),
              literal,
              en));
    }
    assertEquals(Set.of(), missing);
  }
}
