package org.ringplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** White-label settings come from configuration, and unsafe values never reach a page. */
class WhiteLabelTest {

  private static WhiteLabel of(Map<String, String> values) {
    return WhiteLabel.from(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void configuredValuesAreUsed() {
    WhiteLabel wl =
        of(
            Map.of(
                "ring.platform.name", "Acme Ring",
                "ring.platform.tagline", "Makers of Kyiv",
                "ring.platform.logo-url", "https://cdn.acme.example/logo.svg",
                "ring.platform.primary-color", "#ff6600",
                "ring.platform.contact-email", "team@acme.example",
                "ring.platform.currency", "eur",
                "ring.modules", "store, news",
                "ring.locale.default", "uk",
                "ring.locale.supported", "en,uk,ru"));
    assertEquals("Acme Ring", wl.name());
    assertEquals("Makers of Kyiv", wl.tagline());
    assertEquals("Makers of Kyiv", wl.taglineFor("en"));
    assertEquals("https://cdn.acme.example/logo.svg", wl.logoUrl());
    assertEquals("#ff6600", wl.primaryColor());
    assertEquals("team@acme.example", wl.contactEmail());
    assertEquals("EUR", wl.currency());
    assertEquals(Set.of(PlatformModule.STORE, PlatformModule.NEWS), wl.modules());
    assertTrue(wl.enabled(PlatformModule.STORE));
    assertFalse(wl.enabled(PlatformModule.ENTITIES));
    assertEquals("uk", wl.defaultLocale());
    assertEquals(List.of("uk", "en", "ru"), wl.supportedLocales());
  }

  @Test
  void aTaglineCanBeSetPerLanguage() {
    WhiteLabel wl =
        of(Map.of("ring.platform.tagline", "Makers", "ring.platform.tagline.uk", "Майстри"));
    assertEquals("Майстри", wl.taglineFor("uk"));
    assertEquals("Makers", wl.taglineFor("ru"));
  }

  @Test
  void missingValuesFallBackToDefaults() {
    WhiteLabel wl = of(Map.of());
    assertEquals(WhiteLabel.DEFAULT_NAME, wl.name());
    assertEquals(WhiteLabel.DEFAULT_COLOR, wl.primaryColor());
    assertEquals(WhiteLabel.DEFAULT_CURRENCY, wl.currency());
    assertEquals("en", wl.defaultLocale());
    assertEquals(List.of("en"), wl.supportedLocales());
  }

  @Test
  void aColourThatIsNotHexCannotInjectCss() {
    WhiteLabel wl = of(Map.of("ring.platform.primary-color", "red;}body{display:none"));
    assertEquals(WhiteLabel.DEFAULT_COLOR, wl.primaryColor());
  }

  @Test
  void aScriptLogoUrlIsRefused() {
    assertEquals("", of(Map.of("ring.platform.logo-url", "javascript:alert(1)")).logoUrl());
    assertEquals("", of(Map.of("ring.platform.logo-url", "https://x\" onerror=\"y")).logoUrl());
    assertEquals(
        "/static/logo.png", of(Map.of("ring.platform.logo-url", "/static/logo.png")).logoUrl());
  }

  @Test
  void unknownLocalesModulesAndCurrenciesAreIgnored() {
    WhiteLabel wl =
        of(
            Map.of(
                "ring.locale.supported", "en,de,ru",
                "ring.locale.default", "fr",
                "ring.modules", "store,teleport",
                "ring.platform.currency", "XYZ1"));
    assertEquals(List.of("en", "ru"), wl.supportedLocales());
    assertEquals(Set.of(PlatformModule.STORE), wl.modules());
    assertEquals(WhiteLabel.DEFAULT_CURRENCY, wl.currency());
  }

  @Test
  void theDefaultLocaleIsAlwaysSupported() {
    WhiteLabel wl = of(Map.of("ring.locale.default", "ru", "ring.locale.supported", "en"));
    assertEquals(List.of("ru", "en"), wl.supportedLocales());
  }
}
