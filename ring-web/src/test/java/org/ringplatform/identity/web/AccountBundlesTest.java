package org.ringplatform.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.AuditEntry;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UpgradeRequest;
import org.ringplatform.testing.web.Bundles;

/**
 * The account bundle ({@code acc}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages, the beans and the services' refusal codes need is defined.
 */
class AccountBundlesTest {

  private static final String BASE = "account";

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
    Bundles.assertTextsPresentAndFormat(BASE, key -> key.startsWith("common.charactersLeft"));
  }

  @Test
  void everyKeyThePagesAndBeansUseIsDefined() throws IOException {
    Set<String> missing = Bundles.missingPageKeys("acc", en());
    // Keys passed as literals to PageMessages from the page beans.
    missing.addAll(
        Bundles.missingSourceKeys(
            List.of(
                "src/main/java/org/ringplatform/identity/web",
                "src/main/java/org/ringplatform/admin/web"),
            Pattern.compile(
                "(?:info|text|has|error\\([^,]*,[^,]*,)\\s*\\(?\\s*\"([a-z][\\w]*\\.[\\w.]+)\""),
            en()));
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyRoleStatusActionAndRequestStatusHasAName() throws IOException {
    Properties en = en();
    Set<String> needed = new TreeSet<>();
    for (Role role : Role.values()) {
      if (role.isPersistable()) {
        needed.add("role." + role.id());
      }
    }
    for (AccountStatus status : AccountStatus.values()) {
      needed.add("status." + status.id());
    }
    for (String action :
        new String[] {
          AuditEntry.ROLE_CHANGE,
          AuditEntry.SUSPEND,
          AuditEntry.REACTIVATE,
          AuditEntry.UPGRADE_APPROVED,
          AuditEntry.UPGRADE_REJECTED
        }) {
      needed.add("audit." + action);
    }
    for (String status :
        new String[] {UpgradeRequest.PENDING, UpgradeRequest.APPROVED, UpgradeRequest.REJECTED}) {
      needed.add("upgrade.status." + status);
    }
    for (String notice : new String[] {"upgrade_approved", "upgrade_rejected", "role_changed"}) {
      needed.add("notice." + notice);
    }
    needed.add(PageMessages.GENERIC_ERROR);
    needed.removeAll(en.stringPropertyNames());
    assertEquals(Set.of(), needed);
  }

  /**
   * Every refusal code the account, admin and upgrade services raise has a translated text, so a
   * page never falls back to the generic one for them. Codes are read from the service sources.
   */
  @Test
  void everyRefusalCodeOfTheIdentityServicesHasAText() throws IOException {
    assertEquals(
        Set.of(),
        Bundles.missingRefusalTexts(
            List.of(Path.of("../ring-ejb/src/main/java/org/ringplatform/identity")),
            Pattern.compile(
                "(?:invalid\\(|Kind\\.[A-Z_]+,|Optional\\.of\\()\\s*\"([a-z][A-Za-z_]*)\""),
            en()));
  }
}
