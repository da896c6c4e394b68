package org.ringplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The role ladder and its predicates, as the reference (section 3.1) defines them. */
class RoleTest {

  @Test
  void levelsRiseFromVisitorToSuperadmin() {
    int previous = -1;
    for (Role role : Role.values()) {
      assertEquals(previous + 1, role.level());
      previous = role.level();
    }
  }

  @Test
  void memberPrivilegesStartAtMember() {
    assertFalse(Role.SUBSCRIBER.hasMemberPrivileges());
    assertTrue(Role.MEMBER.hasMemberPrivileges());
    assertTrue(Role.SUPERADMIN.hasMemberPrivileges());
  }

  @Test
  void confidentialAccessIsConfidentialAdminOrSuperadmin() {
    assertFalse(Role.MEMBER.hasConfidentialAccess());
    assertTrue(Role.CONFIDENTIAL.hasConfidentialAccess());
    assertTrue(Role.ADMIN.hasConfidentialAccess());
    assertTrue(Role.SUPERADMIN.hasConfidentialAccess());
  }

  @Test
  void platformAdminsAreAdminAndSuperadminOnly() {
    assertFalse(Role.CONFIDENTIAL.isPlatformAdmin());
    assertTrue(Role.ADMIN.isPlatformAdmin());
    assertTrue(Role.SUPERADMIN.isPlatformAdmin());
    assertFalse(Role.ADMIN.isSuperadmin());
  }

  @Test
  void rolesParseExactlyAfterTrimmingWithoutCaseFolding() {
    assertEquals(Optional.of(Role.MEMBER), Role.fromId(" member "));
    assertEquals(Optional.empty(), Role.fromId("Member"));
    assertEquals(Optional.empty(), Role.fromId("root"));
    assertEquals(Optional.empty(), Role.fromId(null));
  }

  @Test
  void anAccountCannotBeStoredAsVisitor() {
    assertThrows(
        IllegalArgumentException.class, () -> new UserAccount("a@ring.local", "A", Role.VISITOR));
  }

  @Test
  void emailsAreNormalised() {
    assertEquals(
        "someone@ring.local",
        new UserAccount("  SomeOne@Ring.Local ", "S", Role.MEMBER).getEmail());
  }
}
