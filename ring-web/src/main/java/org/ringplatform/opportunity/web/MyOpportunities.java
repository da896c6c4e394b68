package org.ringplatform.opportunity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityStatus;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The caller's own listings ({@code /my/opportunities?status=}): all of them, or those in one
 * status group (drafts, pending, active, closed or expired, archived), newest first, with their
 * applicant counts. The service keeps the list to the caller's own rows.
 */
@Named
@ViewScoped
public class MyOpportunities implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LIMIT = 100;

  /** The status groups offered as filters; "closed" also holds expired listings. */
  private static final List<String> GROUPS =
      List.of("all", "draft", "pending", "active", "closed", "archived");

  @Inject private OpportunityService opportunities;
  @Inject private Caller caller;

  private String status;
  private transient List<Opportunity> items;

  public List<String> getGroups() {
    return GROUPS;
  }

  /** The chosen group; "all" when none or an unknown one was asked for. */
  public String getStatus() {
    return status == null || !GROUPS.contains(status) ? "all" : status;
  }

  public void setStatus(String status) {
    this.status = status;
    items = null;
  }

  public List<Opportunity> getItems() {
    if (items == null) {
      try {
        AuthenticatedUser me = caller.require();
        List<Opportunity> found = new ArrayList<>();
        switch (getStatus()) {
          case "all" -> found.addAll(mine(me, null));
          case "closed" -> {
            found.addAll(mine(me, OpportunityStatus.CLOSED.id()));
            found.addAll(mine(me, OpportunityStatus.EXPIRED.id()));
            found.sort(Comparator.comparing(Opportunity::getCreatedAt).reversed());
          }
          default -> found.addAll(mine(me, getStatus()));
        }
        items = found;
      } catch (RingException e) {
        OpportunityMessages.refusal(e, null);
        items = List.of();
      }
    }
    return items;
  }

  private List<Opportunity> mine(AuthenticatedUser me, String wanted) {
    return opportunities
        .search(
            Optional.of(me),
            new OpportunityService.Filter(
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                true,
                false,
                wanted,
                true,
                false,
                OpportunityService.Sort.NEWEST),
            0,
            LIMIT)
        .items();
  }
}
