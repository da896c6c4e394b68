package org.ringplatform.platform.api;

import java.util.List;
import org.ringplatform.platform.PlatformModule;
import org.ringplatform.platform.WhiteLabel;

/**
 * The public white-label settings as the API shows them.
 *
 * @param name platform name
 * @param tagline one-line description (empty when the platform uses the bundled default)
 * @param taglines the description per locale, where configured
 * @param logoUrl logo address, empty when none
 * @param primaryColor brand colour (CSS hex)
 * @param contactEmail public contact address
 * @param currency main currency (ISO 4217)
 * @param modules enabled modules
 * @param defaultLocale locale served without a path prefix
 * @param supportedLocales locales on offer, the default first
 */
public record PlatformInfo(
    String name,
    String tagline,
    java.util.Map<String, String> taglines,
    String logoUrl,
    String primaryColor,
    String contactEmail,
    String currency,
    List<String> modules,
    String defaultLocale,
    List<String> supportedLocales) {

  static PlatformInfo of(WhiteLabel wl) {
    return new PlatformInfo(
        wl.name(),
        wl.tagline(),
        wl.localizedTaglines(),
        wl.logoUrl(),
        wl.primaryColor(),
        wl.contactEmail(),
        wl.currency(),
        wl.modules().stream().sorted().map(PlatformModule::id).toList(),
        wl.defaultLocale(),
        wl.supportedLocales());
  }
}
