package org.ringplatform.identity;

import java.util.List;
import java.util.Optional;

/** A subscriber asks to become a member; an admin approves or rejects; the person is told. */
public interface UpgradeRequests {

  /** Files a request; a subscriber may have one pending at a time. */
  UpgradeRequest request(AuthenticatedUser subscriber, String reason);

  /** The caller's latest request, if any. */
  Optional<UpgradeRequest> latest(AuthenticatedUser user);

  /** Pending requests, oldest first, for admins. */
  List<UpgradeRequest> pending(AuthenticatedUser admin);

  /** How many requests are pending, for admins. */
  long pendingCount(AuthenticatedUser admin);

  /** Approves: the requester becomes a member. */
  UpgradeRequest approve(AuthenticatedUser admin, long requestId, String note);

  /** Rejects, with a note the requester sees. */
  UpgradeRequest reject(AuthenticatedUser admin, long requestId, String note);
}
