package org.ringplatform.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.AuditEntry;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UpgradeRequest;

/**
 * The account bundle ({@code acc}) exists in English, Ukrainian and Russian with the same keys;
 * every key the pages, the beans and the services' refusal codes need is defined.
 */
class AccountBundlesTest {

  private static final String[] BUNDLES = {
    "account.properties", "account_uk.properties", "account_ru.properties"
  };

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        AccountBundlesTest.class.getResourceAsStream("/org/ringplatform/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void ukrainianAndRussianHaveExactlyTheEnglishKeys() throws IOException {
    Set<String> en = new TreeSet<>(load("account.properties").stringPropertyNames());
    assertEquals(en, new TreeSet<>(load("account_uk.properties").stringPropertyNames()));
    assertEquals(en, new TreeSet<>(load("account_ru.properties").stringPropertyNames()));
  }

  @Test
  void englishHasItsOwnEmptyBundleSoItNeverFallsBackToTheJvmLocale() throws IOException {
    assertEquals(Set.of(), load("account_en.properties").stringPropertyNames());
  }

  @Test
  void noTextIsEmptyAndEveryPatternFormats() throws IOException {
    for (String bundle : BUNDLES) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        String text = p.getProperty(key);
        assertTrue(!text.isBlank(), bundle + " " + key);
        if (text.contains("{0}") && !key.startsWith("common.charactersLeft")) {
          // Shown through MessageFormat: a lone apostrophe would swallow the placeholder.
          String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"X"});
          assertTrue(formatted.contains("X"), bundle + " " + key + ": " + formatted);
        }
      }
    }
  }

  @Test
  void everyKeyThePagesAndBeansUseIsDefined() throws IOException {
    Properties en = load("account.properties");
    Set<String> missing = new TreeSet<>();
    Pattern pageKey = Pattern.compile("acc\\['([\\w.]+)'\\]");
    try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
        Matcher m = pageKey.matcher(Files.readString(page));
        while (m.find()) {
          if (!en.containsKey(m.group(1))) {
            missing.add(page + ": " + m.group(1));
          }
        }
      }
    }
    // Keys passed as literals to PageMessages from the page beans.
    Pattern beanKey =
        Pattern.compile(
            "(?:info|text|has|error\\([^,]*,[^,]*,)\\s*\\(?\\s*\"([a-z][\\w]*\\.[\\w.]+)\"");
    Pattern ternaryKey =
        Pattern.compile("\\?\\s*\"([a-z]+\\.[\\w.]+)\"\\s*:\\s*\"([a-z]+\\.[\\w.]+)\"");
    for (String dir :
        new String[] {
          "src/main/java/org/ringplatform/identity/web", "src/main/java/org/ringplatform/admin/web"
        }) {
      try (Stream<Path> sources = Files.list(Path.of(dir))) {
        for (Path source : sources.toList()) {
          String text = Files.readString(source);
          Matcher m = beanKey.matcher(text);
          while (m.find()) {
            if (!en.containsKey(m.group(1))) {
              missing.add(source + ": " + m.group(1));
            }
          }
          Matcher t = ternaryKey.matcher(text);
          while (t.find()) {
            for (int g = 1; g <= 2; g++) {
              if (!en.containsKey(t.group(g))) {
                missing.add(source + ": " + t.group(g));
              }
            }
          }
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyRoleStatusActionAndRequestStatusHasAName() throws IOException {
    Properties en = load("account.properties");
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
    Path services = Path.of("../ring-ejb/src/main/java/org/ringplatform/identity");
    if (!Files.isDirectory(services)) {
      return;
    }
    Properties en = load("account.properties");
    Pattern code =
        Pattern.compile("(?:invalid\\(|Kind\\.[A-Z_]+,|Optional\\.of\\()\\s*\"([a-z][A-Za-z_]*)\"");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(services)) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = code.matcher(Files.readString(source));
        while (m.find()) {
          if (!en.containsKey("error." + m.group(1))) {
            missing.add(source.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertEquals(Set.of(), missing);
  }
}
