package org.ringplatform.identity;

import java.util.Arrays;
import java.util.List;

/**
 * The one rule for who sees what, used by every feature for lists (as a filter in the query) and
 * for single reads: a role sees the visibilities on its rung and below; confidential rows (by
 * visibility or by flag) need confidential access; a role may only give a row a visibility it could
 * itself see.
 */
public final class VisibilityPolicy {

  private VisibilityPolicy() {}

  /** The visibilities {@code role} may see, for an {@code IN (...)} filter. */
  public static List<Visibility> visibleTo(Role role) {
    return Arrays.stream(Visibility.values()).filter(v -> role.atLeast(v.minimumRole())).toList();
  }

  /** Whether {@code role} may see a row with this visibility and confidential flag. */
  public static boolean canSee(Role role, Visibility visibility, boolean confidentialFlag) {
    if (confidentialFlag && !role.hasConfidentialAccess()) {
      return false;
    }
    return role.atLeast(visibility.minimumRole());
  }

  /** Whether {@code role} may set a row's visibility to {@code visibility}. */
  public static boolean canAssign(Role role, Visibility visibility, boolean confidentialFlag) {
    return canSee(role, visibility, confidentialFlag);
  }
}
