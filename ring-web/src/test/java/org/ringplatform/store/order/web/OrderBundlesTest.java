package org.ringplatform.store.order.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.testing.web.Bundles;

/**
 * The store's order bundle ({@code ord}) exists in English, Ukrainian and Russian with the same
 * keys; every key the pages and beans use is defined; every order status, move and actor has a
 * label; every refusal the cart, checkout and order services (and the payments they start) can give
 * has a translated text.
 */
class OrderBundlesTest {

  private static final String BASE = "orders";

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
    Set<String> missing = Bundles.missingPageKeys("ord", en());
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of(
                "src/main/java/org/ringplatform/store/order/web",
                "src/main/java/org/ringplatform/store/cart/web"),
            Pattern.compile("OrderMessages\\.(?:info|text)\\(\\s*\"([\\w.]*\\w)\""),
            en()));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyStatusMoveActorAndKindHasALabel() {
    Set<String> needed = new TreeSet<>();
    for (OrderStatus s : OrderStatus.values()) {
      needed.add("status." + s.id());
      needed.add("action." + s.id());
    }
    for (OrderStatus.Actor a : OrderStatus.Actor.values()) {
      needed.add("actor." + a.id());
    }
    needed.addAll(List.of("kind.physical", "kind.digital", OrderMessages.GENERIC_ERROR));
    needed.removeAll(en().stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  @Test
  void everyRefusalOfTheStoreHasAText() throws IOException {
    Properties en = en();
    Set<String> codes =
        new TreeSet<>(
            List.of(
                "forbidden",
                "not_found",
                "unauthenticated",
                "insufficient_funds",
                "processor_unavailable",
                "productId_invalid",
                "variantId_invalid"));
    // TextInput's "<field>_invalid" codes of the shipping address and the transition note.
    for (String field :
        List.of(
            "name",
            "phone",
            "address",
            "city",
            "postalCode",
            "country",
            "email",
            "notes",
            "note")) {
      codes.add(field + "_invalid");
    }
    Set<String> missing = new TreeSet<>();
    for (String code : codes) {
      if (!en.containsKey("error." + code)) {
        missing.add(code);
      }
    }
    missing.addAll(
        Bundles.missingRefusalTexts(
            // The cart, stock and order packages; vendors, the catalogue and refunds have their
            // own.
            List.of(
                Path.of("../ring-ejb/src/main/java/org/ringplatform/store/cart"),
                Path.of("../ring-ejb/src/main/java/org/ringplatform/store/stock"),
                Path.of("../ring-ejb/src/main/java/org/ringplatform/store/order"),
                Path.of("src/main/java/org/ringplatform/store/cart"),
                Path.of("src/main/java/org/ringplatform/store/order")),
            Pattern.compile(
                "(?:invalid\\(|Kind\\.[A-Z_]+,|Problem\\()\\s*\"([a-z][A-Za-z_]*)\"\\s*,"),
            en));
    assertEquals(Set.of(), missing);
  }
}
