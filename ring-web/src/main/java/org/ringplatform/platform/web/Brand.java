package org.ringplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Year;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.platform.PlatformModule;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.WhiteLabel;

/** The white-label settings as the pages read them ({@code #{brand.name}}). */
@Named
@ApplicationScoped
public class Brand {

  @Inject private PlatformSettings settings;
  @Inject private PortalLocale portalLocale;

  private WhiteLabel wl() {
    return settings.whiteLabel();
  }

  public String getName() {
    return wl().name();
  }

  /**
   * The configured tagline in the page's language, or empty when none is configured (the pages then
   * show the bundled default, {@code brand.defaultTagline}).
   */
  public String getTagline() {
    return wl().taglineFor(portalLocale.getLanguage());
  }

  public String getLogoUrl() {
    return wl().logoUrl();
  }

  public boolean isHasLogo() {
    return !wl().logoUrl().isEmpty();
  }

  public String getPrimaryColor() {
    return wl().primaryColor();
  }

  public String getContactEmail() {
    return wl().contactEmail();
  }

  public String getCurrency() {
    return wl().currency();
  }

  public int getYear() {
    return Year.now().getValue();
  }

  /** True when the module with this id is enabled. */
  public boolean enabled(String moduleId) {
    return PlatformModule.fromId(moduleId).map(wl()::enabled).orElse(false);
  }
}
