package org.ringplatform.portal.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.ringplatform.identity.Role;
import org.ringplatform.platform.PlatformModule;
import org.ringplatform.platform.WhiteLabel;

/**
 * Every place the portal navigation can lead, with who may go there. An entry shows only when the
 * caller's role reaches its minimum, its module is enabled and its page is deployed, so features
 * appear in the menu as they are built and switched on.
 */
public final class NavigationModel {

  /** The full menu, in display order. */
  public static final List<NavItem> ITEMS =
      List.of(
          item("/", "/index.xhtml", "nav.home", Role.VISITOR, null),
          item(
              "/entities",
              "/entities.xhtml",
              "nav.entities",
              Role.VISITOR,
              PlatformModule.ENTITIES),
          item(
              "/opportunities",
              "/opportunities.xhtml",
              "nav.opportunities",
              Role.VISITOR,
              PlatformModule.OPPORTUNITIES),
          item("/store", "/store.xhtml", "nav.store", Role.VISITOR, PlatformModule.STORE),
          item("/vendor", "/vendor.xhtml", "nav.vendor", Role.MEMBER, PlatformModule.STORE),
          item("/news", "/news.xhtml", "nav.news", Role.VISITOR, PlatformModule.NEWS),
          item(
              "/messages",
              "/messages.xhtml",
              "nav.messages",
              Role.SUBSCRIBER,
              PlatformModule.MESSAGING),
          item("/members", "/members.xhtml", "nav.members", Role.MEMBER, null),
          item(
              "/confidential/",
              "/confidential/index.xhtml",
              "nav.confidential",
              Role.CONFIDENTIAL,
              null),
          item("/admin/", "/admin/index.xhtml", "nav.admin", Role.ADMIN, null),
          item("/about", "/about.xhtml", "nav.about", Role.VISITOR, null));

  private NavigationModel() {}

  private static NavItem item(
      String path, String view, String key, Role min, PlatformModule module) {
    return new NavItem(path, view, key, min, Optional.ofNullable(module));
  }

  /** The entries {@code role} may use on this deployment. */
  public static List<NavItem> visibleTo(Role role, WhiteLabel wl, Predicate<String> viewExists) {
    return ITEMS.stream()
        .filter(i -> role.atLeast(i.minimumRole()))
        .filter(i -> i.module().map(wl::enabled).orElse(true))
        .filter(i -> viewExists.test(i.view()))
        .toList();
  }
}
