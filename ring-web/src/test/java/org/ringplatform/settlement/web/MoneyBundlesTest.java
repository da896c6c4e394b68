package org.ringplatform.settlement.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.ledger.web.LedgerConsolePage;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.testing.web.Bundles;

/**
 * The money bundle ({@code mon}) exists in English, Ukrainian and Russian with the same keys; every
 * key the pages and their beans use is defined, every status, trigger, account group and account
 * kind the pages label has a text, and so has every refusal of the settlement, refund and ledger
 * services and of the job control the console calls.
 */
class MoneyBundlesTest {

  private static final String BASE = "money";

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
  void everyKeyThePagesAndTheirBeansUseIsDefined() throws IOException {
    Properties en = Bundles.load(BASE, "");
    Set<String> missing = new TreeSet<>(Bundles.missingPageKeys("mon", en));
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of(
                "src/main/java/org/ringplatform/settlement/web",
                "src/main/java/org/ringplatform/store/refund/web",
                "src/main/java/org/ringplatform/ledger/web"),
            Pattern.compile(
                "MESSAGES\\.(?:info|error)\\((?:[^,()]+, [^,()]+, )?\"([a-z][\\w.]+)\""),
            en));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyStatusTriggerAndAccountTheConsolesShowHasALabel() {
    Properties en = Bundles.load(BASE, "");
    Set<String> needed = new TreeSet<>();
    for (OrderStatus s : OrderStatus.values()) {
      needed.add("orderStatus." + s.id());
    }
    for (String s :
        List.of("starting", "running", "completed", "failed", "stopped", "interrupted")) {
      needed.add("runStatus." + s);
    }
    for (String t : List.of("manual", "schedule", "recovery", "rerun", "listing")) {
      needed.add("trigger." + t);
    }
    for (String s : List.of("open", "closed", "paid")) {
      needed.add("settlementStatus." + s);
    }
    for (String s : List.of("scheduled", "exported", "paid", "failed")) {
      needed.add("payoutStatus." + s);
    }
    for (String s : List.of("requested", "succeeded", "failed")) {
      needed.add("refundStatus." + s);
    }
    for (String g : LedgerConsolePage.GROUPS) {
      needed.add("account." + (g.isEmpty() ? "all" : g.replace(":", "")));
    }
    for (String k : List.of("asset", "liability", "revenue", "expense", "equity")) {
      needed.add("accountKind." + k);
    }
    needed.add("error.generic");
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  @Test
  void everyRefusalOfTheMoneyServicesHasAText() throws IOException {
    Properties en = Bundles.load(BASE, "");
    Set<String> missing = new TreeSet<>();
    for (String code : List.of("forbidden", "not_found", "unauthenticated", "reason_invalid")) {
      if (!en.containsKey("error." + code)) {
        missing.add(code);
      }
    }
    missing.addAll(
        Bundles.missingRefusalTexts(
            List.of(
                Path.of("../ring-ejb/src/main/java/org/ringplatform/settlement"),
                Path.of("../ring-ejb/src/main/java/org/ringplatform/store/refund"),
                Path.of("../ring-batch/src/main/java/org/ringplatform/process/batch")),
            Pattern.compile("(?:invalid\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\"\\s*,"),
            en));
    assertEquals(Set.of(), missing);
  }
}
