package org.ringplatform.identity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Who a signed-in caller is, as the security layer keeps it: id, email, name, role and the
 * account's session epoch at sign-in (a session or token from an older epoch is no longer valid).
 *
 * @param id account id
 * @param email sign-in email
 * @param displayName name to show
 * @param role place on the ladder
 * @param epoch the account's session epoch when this identity was established
 */
public record AuthenticatedUser(long id, String email, String displayName, Role role, int epoch)
    implements Serializable {

  /**
   * The security groups of this caller: its role and every persisted role below it, so that a rule
   * requiring "member" admits an admin.
   */
  public List<String> groups() {
    return groupsOf(role);
  }

  public static List<String> groupsOf(Role role) {
    return Arrays.stream(Role.values())
        .filter(r -> r.isPersistable() && role.atLeast(r))
        .map(Role::id)
        .toList();
  }

  public static AuthenticatedUser of(UserAccount account) {
    return new AuthenticatedUser(
        account.getId(),
        account.getEmail(),
        account.getDisplayName(),
        account.getRole(),
        account.getSessionEpoch());
  }
}
