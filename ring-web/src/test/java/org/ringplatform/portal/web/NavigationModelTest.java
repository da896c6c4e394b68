package org.ringplatform.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.Role;
import org.ringplatform.platform.WhiteLabel;

/** The menu shows what the caller's role may use, on enabled modules, for deployed pages. */
class NavigationModelTest {

  private static WhiteLabel modules(String list) {
    return WhiteLabel.from(k -> Optional.ofNullable(Map.of("ring.modules", list).get(k)));
  }

  private static List<String> paths(Role role, WhiteLabel wl) {
    return NavigationModel.visibleTo(role, wl, view -> true).stream().map(NavItem::path).toList();
  }

  @Test
  void aVisitorSeesPublicEntriesOnly() {
    List<String> paths = paths(Role.VISITOR, modules("entities,messaging,store"));
    assertTrue(paths.contains("/entities"));
    assertTrue(paths.contains("/store"));
    assertFalse(paths.contains("/messages"), "messaging needs an account");
    assertFalse(paths.contains("/confidential/"));
    assertFalse(paths.contains("/admin/"));
  }

  @Test
  void eachRoleSeesItsOwnRungAndBelow() {
    WhiteLabel wl = modules("messaging");
    assertTrue(paths(Role.SUBSCRIBER, wl).contains("/messages"));
    assertFalse(paths(Role.MEMBER, wl).contains("/confidential/"));
    assertTrue(paths(Role.CONFIDENTIAL, wl).contains("/confidential/"));
    assertFalse(paths(Role.CONFIDENTIAL, wl).contains("/admin/"));
    assertTrue(paths(Role.ADMIN, wl).contains("/admin/"));
    assertTrue(paths(Role.SUPERADMIN, wl).contains("/admin/"));
  }

  @Test
  void disabledModulesDisappear() {
    List<String> paths = paths(Role.SUPERADMIN, modules("news"));
    assertTrue(paths.contains("/news"));
    assertFalse(paths.contains("/store"));
    assertFalse(paths.contains("/entities"));
  }

  @Test
  void entriesWhosePageIsNotDeployedAreHidden() {
    List<NavItem> items =
        NavigationModel.visibleTo(
            Role.SUPERADMIN, modules("store"), view -> view.equals("/index.xhtml"));
    assertEquals(List.of("/"), items.stream().map(NavItem::path).toList());
  }
}
