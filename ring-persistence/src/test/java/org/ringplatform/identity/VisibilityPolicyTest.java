package org.ringplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The visibility ladders of the reference (section 3.3), one policy for lists and single reads. */
class VisibilityPolicyTest {

  @Test
  void eachRoleSeesItsLadder() {
    assertEquals(List.of(Visibility.PUBLIC), VisibilityPolicy.visibleTo(Role.VISITOR));
    assertEquals(
        List.of(Visibility.PUBLIC, Visibility.SUBSCRIBER),
        VisibilityPolicy.visibleTo(Role.SUBSCRIBER));
    assertEquals(
        List.of(Visibility.PUBLIC, Visibility.SUBSCRIBER, Visibility.MEMBER),
        VisibilityPolicy.visibleTo(Role.MEMBER));
    assertEquals(List.of(Visibility.values()), VisibilityPolicy.visibleTo(Role.CONFIDENTIAL));
    assertEquals(List.of(Visibility.values()), VisibilityPolicy.visibleTo(Role.ADMIN));
  }

  @Test
  void aSubscriberCannotOpenAMemberOnlyRowButAMemberCan() {
    assertFalse(VisibilityPolicy.canSee(Role.SUBSCRIBER, Visibility.MEMBER, false));
    assertTrue(VisibilityPolicy.canSee(Role.MEMBER, Visibility.MEMBER, false));
  }

  @Test
  void theConfidentialFlagHidesARowWhateverItsVisibility() {
    assertFalse(VisibilityPolicy.canSee(Role.MEMBER, Visibility.PUBLIC, true));
    assertFalse(VisibilityPolicy.canSee(Role.VISITOR, Visibility.PUBLIC, true));
    assertTrue(VisibilityPolicy.canSee(Role.CONFIDENTIAL, Visibility.PUBLIC, true));
    assertTrue(VisibilityPolicy.canSee(Role.SUPERADMIN, Visibility.CONFIDENTIAL, true));
  }

  @Test
  void aRoleMayOnlyAssignVisibilitiesOnItsOwnLadder() {
    assertTrue(VisibilityPolicy.canAssign(Role.MEMBER, Visibility.MEMBER, false));
    assertFalse(VisibilityPolicy.canAssign(Role.MEMBER, Visibility.CONFIDENTIAL, false));
    assertFalse(VisibilityPolicy.canAssign(Role.MEMBER, Visibility.PUBLIC, true));
    assertTrue(VisibilityPolicy.canAssign(Role.CONFIDENTIAL, Visibility.CONFIDENTIAL, true));
  }

  @Test
  void visibilitiesParseExactly() {
    assertEquals(Visibility.MEMBER, Visibility.fromId("member").orElseThrow());
    assertTrue(Visibility.fromId("Member").isEmpty());
    assertTrue(Visibility.fromId("secret").isEmpty());
  }
}
