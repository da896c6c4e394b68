package org.ringplatform.membership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.Role;
import org.ringplatform.membership.Memberships;
import org.ringplatform.referral.ReferralRewards;
import org.ringplatform.testing.web.Bundles;
import org.ringplatform.wallet.web.WalletPage;

/**
 * The members bundle ({@code mem}: referrals, wallet, membership) exists in English, Ukrainian and
 * Russian with the same keys; every key the pages and beans use is defined; every plan,
 * subscription status, reward status, source, code kind and role has a label; and every refusal of
 * the three services has a text.
 */
class MembersBundlesTest {

  private static final String BASE = "members";

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
    Properties en = Bundles.load(BASE, "");
    Set<String> missing = new TreeSet<>(Bundles.missingPageKeys("mem", en));
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of(
                "src/main/java/org/ringplatform/wallet/web",
                "src/main/java/org/ringplatform/membership/web",
                "src/main/java/org/ringplatform/referral/web"),
            Pattern.compile(
                "(?:info|error|text)\\((?:\"[a-z]+\", \"[a-zA-Z]+\", )?\"([a-z]+\\.[\\w.]+)\""),
            en));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyPlanStatusSourceKindAndRoleHasALabel() {
    Properties en = Bundles.load(BASE, "");
    Set<String> needed = new TreeSet<>();
    for (Memberships.Plan plan : Memberships.Plan.values()) {
      needed.add("membership.plan." + plan.id());
    }
    for (String s : List.of("pending", "active", "grace", "expired", "cancelled")) {
      needed.add("subscription." + s);
    }
    for (String s :
        List.of(
            ReferralRewards.PENDING,
            ReferralRewards.APPROVED,
            ReferralRewards.REJECTED,
            ReferralRewards.PAID)) {
      needed.add("reward." + s);
    }
    needed.add("source.store_order");
    needed.add("source.membership");
    needed.add("referrals.kind.random");
    needed.add("referrals.kind.username");
    for (Role role : Role.values()) {
      if (role.isPersistable()) {
        needed.add("role." + role.id());
      }
    }
    for (String kind : WalletPage.KINDS) {
      needed.add("kind." + kind);
    }
    needed.add("kind.other");
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  @Test
  void everyRefusalOfTheMembersServicesHasAText() throws IOException {
    Properties en = Bundles.load(BASE, "");
    Set<String> missing = new TreeSet<>();
    for (String code :
        List.of("forbidden", "not_found", "insufficient_funds", "processor_unavailable")) {
      if (!en.containsKey("error." + code)) {
        missing.add(code);
      }
    }
    missing.addAll(
        Bundles.missingRefusalTexts(
            List.of(
                Path.of("../ring-ejb/src/main/java/org/ringplatform/referral"),
                Path.of("../ring-ejb/src/main/java/org/ringplatform/wallet"),
                Path.of("../ring-ejb/src/main/java/org/ringplatform/membership")),
            Pattern.compile("(?:invalid\\(|Kind\\.[A-Z_]+,)\\s*\"([a-z][A-Za-z_]*)\"\\s*,"),
            en));
    assertEquals(Set.of(), missing);
  }
}
