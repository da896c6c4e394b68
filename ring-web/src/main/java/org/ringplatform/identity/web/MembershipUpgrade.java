package org.ringplatform.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UpgradeRequest;
import org.ringplatform.identity.UpgradeRequests;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * "Become a member" ({@code /account/upgrade}): a subscriber says why and an admin decides; the
 * page shows the latest request's status and the admin's note. Members and above have nothing to
 * ask.
 */
@Named
@ViewScoped
public class MembershipUpgrade implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Bounds of the reason, as the service checks them. */
  public static final int REASON_MIN = 10;

  public static final int REASON_MAX = 2000;

  @Inject private UpgradeRequests upgrades;
  @Inject private Caller caller;

  private String reason;
  // Reloaded when missing; entities are not kept in the session.
  private transient Optional<UpgradeRequest> latest;

  public void submit() {
    try {
      upgrades.request(caller.require(), reason);
      reason = null;
      latest = null;
      PageMessages.info("upgrade.sent");
    } catch (RingException e) {
      PageMessages.refusal(e, "upgrade");
    }
  }

  /** Whether the caller is a subscriber (and so may ask). */
  public boolean isSubscriber() {
    return caller.find().map(AuthenticatedUser::role).orElse(Role.VISITOR) == Role.SUBSCRIBER;
  }

  /** The caller's latest request, or null. */
  public UpgradeRequest getLatest() {
    if (latest == null) {
      latest = upgrades.latest(caller.require());
    }
    return latest.orElse(null);
  }

  /** Whether a request is waiting for an answer (no new one can be filed then). */
  public boolean isPending() {
    UpgradeRequest r = getLatest();
    return r != null && UpgradeRequest.PENDING.equals(r.getStatus());
  }

  public int getReasonMin() {
    return REASON_MIN;
  }

  public int getReasonMax() {
    return REASON_MAX;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
