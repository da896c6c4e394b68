package org.ringplatform.identity;

import java.util.List;

/**
 * The members directory: active accounts with member privileges or more, for members and above to
 * find one another. It shows public profile fields only; emails stay private.
 */
public interface MemberDirectory {

  /**
   * One page of members.
   *
   * @param items the members on this page
   * @param total how many members match
   */
  record Page(List<UserAccount> items, long total) {}

  /** Sort keys for the directory. */
  enum SortKey {
    NAME,
    USERNAME,
    LOCATION,
    JOINED
  }

  /**
   * Members whose name, username, location or one of whose skills contains {@code search} (any
   * member when blank), sorted, from {@code offset}, at most {@code limit} (capped at 100).
   *
   * @throws org.ringplatform.platform.RingException forbidden when {@code viewer} is not a member
   */
  Page members(
      AuthenticatedUser viewer,
      String search,
      SortKey sort,
      boolean ascending,
      int offset,
      int limit);
}
