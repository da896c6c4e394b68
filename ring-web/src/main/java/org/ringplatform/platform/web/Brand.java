package org.ringplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Year;
import org.ringplatform.platform.PlatformModule;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.WhiteLabel;

/** The white-label settings as the pages read them ({@code #{brand.name}}). */
@Named
@ApplicationScoped
public class Brand {

  @Inject private PlatformSettings settings;

  private WhiteLabel wl() {
    return settings.whiteLabel();
  }

  public String getName() {
    return wl().name();
  }

  public String getTagline() {
    return wl().tagline();
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
