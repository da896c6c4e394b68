package org.ringplatform.referral.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.referral.ReferralRewards;
import org.ringplatform.security.web.Caller;

/**
 * The admins' queue of referral rewards ({@code /admin/referrals}): pending rewards, oldest first,
 * each approved (paid as credits) or rejected (its money back to the vendors or to membership
 * revenue) with an optional note; other statuses to look back at.
 */
@Named
@ViewScoped
public class ReferralRewardQueue implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("mem");

  @Inject private ReferralRewards rewards;
  @Inject private AccountAdministration accounts;
  @Inject private Caller caller;

  private String status = ReferralRewards.PENDING;
  private final HashMap<Long, String> notes = new HashMap<>();
  private transient ReferralRewards.Page page;
  private transient Map<Long, UserAccount> people;

  private ReferralRewards.Page page() {
    if (page == null) {
      try {
        page = rewards.queue(caller.require(), status, 0, 100);
      } catch (RingException e) {
        MESSAGES.refusal(e, null);
        page = new ReferralRewards.Page(List.of(), 0);
      }
      people = null;
    }
    return page;
  }

  public List<ReferralRewards.Reward> getRewards() {
    return page().items();
  }

  public long getTotal() {
    return page().total();
  }

  /** The name (or email) of account {@code id}, for the table. */
  public String person(long id) {
    if (people == null) {
      List<Long> ids =
          page().items().stream()
              .flatMap(r -> java.util.stream.Stream.of(r.referrerId(), r.buyerId()))
              .toList();
      people = accounts.usersById(caller.require(), ids);
    }
    UserAccount a = people.get(id);
    if (a == null) {
      return "#" + id;
    }
    return a.getDisplayName() == null || a.getDisplayName().isBlank()
        ? a.getEmail()
        : a.getDisplayName();
  }

  public void approve(long id) {
    decide(() -> rewards.approve(caller.require(), id, notes.get(id)), id, "admin.approved");
  }

  public void reject(long id) {
    decide(() -> rewards.reject(caller.require(), id, notes.get(id)), id, "admin.rejected");
  }

  private void decide(Runnable action, long id, String doneKey) {
    try {
      action.run();
      notes.remove(id);
      MESSAGES.info(doneKey, id);
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    page = null;
  }

  /** Shows the rewards in the chosen status. */
  public void filter() {
    page = null;
  }

  public List<String> getStatuses() {
    return List.of(
        ReferralRewards.PENDING,
        ReferralRewards.PAID,
        ReferralRewards.REJECTED,
        ReferralRewards.APPROVED);
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Map<Long, String> getNotes() {
    return notes;
  }
}
