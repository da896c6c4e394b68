package org.ringplatform.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What admins do to accounts: find them, change their role, suspend and reactivate them, read their
 * audit trail. Every change is audited; the rules of who may do what live here, on the server,
 * whatever the caller's screen allows.
 */
public interface AccountAdministration {

  /**
   * Filters for the user list; null means "any".
   *
   * @param role only this role
   * @param status only this status
   * @param email email containing this text
   * @param createdFrom created at or after
   * @param createdTo created before
   */
  record UserFilter(
      Role role,
      AccountStatus status,
      String email,
      OffsetDateTime createdFrom,
      OffsetDateTime createdTo) {}

  /**
   * One page of users.
   *
   * @param items the users on this page
   * @param total how many users match the filter
   */
  record Page(List<UserAccount> items, long total) {}

  /** Sort keys for the user list. */
  enum SortKey {
    CREATED,
    EMAIL,
    ROLE,
    STATUS,
    NAME
  }

  /** Users matching {@code filter}, sorted, from {@code offset}, at most {@code limit}. */
  Page users(
      AuthenticatedUser actor,
      UserFilter filter,
      SortKey sort,
      boolean ascending,
      int offset,
      int limit);

  /** One account, for admins. */
  UserAccount user(AuthenticatedUser actor, long id);

  /**
   * Sets an account's role. Admins may set subscriber, member or confidential; only a superadmin
   * may grant or remove admin or superadmin; nobody may demote themselves below admin.
   */
  UserAccount changeRole(AuthenticatedUser actor, long targetId, Role role, String reason);

  /**
   * Moves an account between subscriber and member on behalf of the system, when a paid membership
   * starts or lapses: the same audited change as an admin's (no actor), with the same effects
   * (refresh tokens and remembered devices end, the person is told), in the caller's transaction.
   * Only an account whose role is {@code from} changes; any other role (an admin, a confidential
   * account, a member by an admin's decision when {@code from} is subscriber) is left alone.
   *
   * @param from subscriber or member
   * @param to member or subscriber
   * @param reason why, for the audit trail
   * @return whether the role changed
   */
  boolean changeMembershipRole(long targetId, Role from, Role to, String reason);

  /** Suspends an account: it cannot sign in, and its sessions and tokens stop working. */
  UserAccount suspend(AuthenticatedUser actor, long targetId, String reason);

  /** Lets a suspended account sign in again. */
  UserAccount reactivate(AuthenticatedUser actor, long targetId, String reason);

  /** Ends every session and token of an account without suspending it. */
  void endSessions(AuthenticatedUser actor, long targetId);

  /** The audit trail of an account, newest first. */
  List<AuditEntry> audit(AuthenticatedUser actor, long targetId);

  /** How many accounts have each persistable role (zero included), for the console overview. */
  Map<Role, Long> countByRole(AuthenticatedUser actor);

  /** The accounts with these ids that exist, by id (for showing names next to ids). */
  Map<Long, UserAccount> usersById(AuthenticatedUser actor, Collection<Long> ids);

  /** The remembered devices of an account, as its owner would see them. */
  List<RememberMeService.Device> devices(AuthenticatedUser actor, long targetId);
}
