package org.ringplatform.payment.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.payment.api.PaymentStatuses;
import org.ringplatform.testing.web.Bundles;

/**
 * The payments bundle ({@code pay}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages and beans use is defined; every status, purpose, processor and webhook
 * outcome has a label, and every refusal of the payment services a text.
 */
class PaymentBundlesTest {

  private static final String BASE = "payments";

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
    Bundles.assertTextsPresentAndFormat(BASE, key -> key.equals("table.pageReport"));
  }

  @Test
  void everyKeyThePagesAndBeansUseIsDefined() throws IOException {
    Set<String> missing = Bundles.missingPageKeys("pay", en());
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of("src/main/java/org/ringplatform/payment/web"),
            Pattern.compile("MESSAGES\\.(?:info|text|has)\\(\\s*\"([\\w.]+)\""),
            en()));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyStatusPurposeProcessorAndOutcomeHasALabel() {
    Properties en = en();
    Set<String> needed = new TreeSet<>();
    for (String status : PaymentStatuses.ALL) {
      needed.add("status." + status);
      needed.add("result." + status);
    }
    needed.add("status.check_failed");
    PaymentStatuses.PURPOSES.forEach(p -> needed.add("purpose." + p));
    PaymentStatuses.PROCESSORS.forEach(p -> needed.add("processor." + p));
    for (String outcome :
        List.of(
            "accepted",
            "duplicate",
            "ignored",
            "amount_mismatch",
            "unknown_reference",
            "rejected",
            "error")) {
      needed.add("outcome." + outcome);
    }
    List.of("requested", "succeeded", "failed").forEach(s -> needed.add("refund." + s));
    needed.add("error.generic");
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  @Test
  void everyRefusalOfThePaymentServicesHasAText() throws IOException {
    assertEquals(
        Set.of(),
        Bundles.missingRefusalTexts(
            List.of(Path.of("../ring-ejb/src/main/java/org/ringplatform/payment")),
            Pattern.compile("(?:invalid\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\""),
            en()));
  }
}
