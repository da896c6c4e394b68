package org.ringplatform.portal.web;

import java.util.Optional;
import org.ringplatform.identity.Role;
import org.ringplatform.platform.PlatformModule;

/**
 * One entry of the portal navigation: where it goes, its label key in the resource bundle, the
 * lowest role that may use it and the module it belongs to (empty for core pages).
 *
 * @param path the page's extension-less address, without locale prefix
 * @param view the Facelets view that serves it
 * @param labelKey resource bundle key of the label
 * @param minimumRole lowest role that sees the entry
 * @param module the module that must be enabled, if any
 */
public record NavItem(
    String path, String view, String labelKey, Role minimumRole, Optional<PlatformModule> module) {

  public String getPath() {
    return path;
  }

  public String getLabelKey() {
    return labelKey;
  }
}
