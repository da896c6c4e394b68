package org.ringplatform.opportunity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The moderation queue of listings ({@code /admin/opportunities}), oldest submission first: each
 * pending listing is approved, or rejected back to draft with a note the author is told.
 */
@Named
@ViewScoped
public class OpportunityModerationQueue implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LIMIT = 100;

  @Inject private OpportunityService opportunities;
  @Inject private AccountAdministration accounts;
  @Inject private Caller caller;

  private final HashMap<Long, String> notes = new HashMap<>();
  private transient OpportunityService.Page pending;
  private transient Map<Long, UserAccount> authors;

  private OpportunityService.Page page() {
    if (pending == null) {
      try {
        pending = opportunities.pending(caller.require(), 0, LIMIT);
      } catch (RingException e) {
        OpportunityMessages.refusal(e, null);
        pending = new OpportunityService.Page(List.of(), 0);
      }
      authors = null;
    }
    return pending;
  }

  /** The author's display name (or email when they have none) of a pending listing. */
  public String author(Opportunity o) {
    if (authors == null) {
      authors =
          accounts.usersById(
              caller.require(), page().items().stream().map(Opportunity::getAuthorId).toList());
    }
    UserAccount a = authors.get(o.getAuthorId());
    if (a == null) {
      return "#" + o.getAuthorId();
    }
    return a.getDisplayName() == null || a.getDisplayName().isBlank()
        ? a.getEmail()
        : a.getDisplayName();
  }

  public List<Opportunity> getPending() {
    return page().items();
  }

  public long getTotal() {
    return page().total();
  }

  public void approve(long id) {
    run(
        () -> opportunities.approve(caller.require(), id, notes.get(id)),
        id,
        "moderation.approved");
  }

  /** Rejects with the note typed next to the listing; the service requires one. */
  public void reject(long id) {
    run(() -> opportunities.reject(caller.require(), id, notes.get(id)), id, "moderation.rejected");
  }

  private void run(Runnable action, long id, String doneKey) {
    try {
      action.run();
      notes.remove(id);
      OpportunityMessages.info(doneKey);
    } catch (RingException e) {
      OpportunityMessages.refusal(e, null);
    }
    pending = null;
  }

  /** The notes typed next to each listing, by listing id. */
  public Map<Long, String> getNotes() {
    return notes;
  }
}
