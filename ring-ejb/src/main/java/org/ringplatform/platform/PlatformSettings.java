package org.ringplatform.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds the white-label settings of this deployment, read from MicroProfile Config when the
 * application starts; a changed value shows after a restart, with no rebuild.
 */
@ApplicationScoped
public class PlatformSettings {

  private WhiteLabel whiteLabel;

  @PostConstruct
  void load() {
    Config config = ConfigProvider.getConfig(getClass().getClassLoader());
    whiteLabel = WhiteLabel.from(key -> config.getOptionalValue(key, String.class));
  }

  public WhiteLabel whiteLabel() {
    return whiteLabel;
  }
}
