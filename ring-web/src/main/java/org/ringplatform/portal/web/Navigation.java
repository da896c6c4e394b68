package org.ringplatform.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.net.MalformedURLException;
import java.util.List;
import org.ringplatform.identity.web.CurrentUser;
import org.ringplatform.platform.PlatformSettings;

/** The navigation entries for the current caller ({@code #{navigation.items}}). */
@Named
@RequestScoped
public class Navigation {

  @Inject private CurrentUser currentUser;
  @Inject private PlatformSettings settings;
  @Inject private ServletContext servletContext;

  private List<NavItem> items;

  public List<NavItem> getItems() {
    if (items == null) {
      items =
          NavigationModel.visibleTo(currentUser.getRole(), settings.whiteLabel(), this::deployed);
    }
    return items;
  }

  private boolean deployed(String view) {
    try {
      return servletContext.getResource(view) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }
}
