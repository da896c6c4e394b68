package org.ringplatform.admin.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.UpgradeRequest;
import org.ringplatform.identity.UpgradeRequests;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.identity.web.PageMessages;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The queue of upgrade requests ({@code /admin/upgrades}): pending requests, oldest first, each
 * approved or rejected with an optional note the requester sees.
 */
@Named
@ViewScoped
public class UpgradeQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private UpgradeRequests upgrades;
  @Inject private AccountAdministration admin;
  @Inject private Caller caller;

  private final HashMap<Long, String> notes = new HashMap<>();
  private transient List<UpgradeRequest> pending;
  private transient Map<Long, UserAccount> requesters;

  public List<UpgradeRequest> getPending() {
    if (pending == null) {
      pending = upgrades.pending(caller.require());
      requesters =
          admin.usersById(
              caller.require(), pending.stream().map(UpgradeRequest::getUserId).toList());
    }
    return pending;
  }

  /** The account that filed {@code request}, or null when it is gone. */
  public UserAccount requester(UpgradeRequest request) {
    getPending();
    return requesters.get(request.getUserId());
  }

  public void approve(long requestId) {
    decide(requestId, true);
  }

  public void reject(long requestId) {
    decide(requestId, false);
  }

  private void decide(long requestId, boolean approve) {
    String note = notes.get(requestId);
    try {
      if (approve) {
        upgrades.approve(caller.require(), requestId, note);
      } else {
        upgrades.reject(caller.require(), requestId, note);
      }
      notes.remove(requestId);
      PageMessages.info(approve ? "admin.upgrades.approved" : "admin.upgrades.rejected");
    } catch (RingException e) {
      PageMessages.refusal(e, null);
    }
    pending = null;
    requesters = null;
  }

  /** The notes typed next to each request, by request id. */
  public Map<Long, String> getNotes() {
    return notes;
  }
}
