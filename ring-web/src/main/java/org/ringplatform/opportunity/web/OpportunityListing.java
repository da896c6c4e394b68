package org.ringplatform.opportunity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityService.Mark;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * A listing's page ({@code /opportunity?id=}): its details; for members who may, the apply form;
 * save and "not interested" for anyone signed in; for its author (or an admin) the applicants with
 * accept and reject, and the lifecycle buttons. A listing the viewer may not see shows "not found".
 */
@Named
@ViewScoped
public class OpportunityListing implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private OpportunityService opportunities;
  @Inject private Caller caller;

  private Long id;
  private boolean missing;
  private String message;
  private String response;
  private transient Opportunity opportunity;

  /** The view action: loads the listing named by {@code id}. */
  public void load() {
    missing = id == null || getOpportunity() == null;
  }

  public Opportunity getOpportunity() {
    if (opportunity == null && id != null) {
      try {
        opportunity = opportunities.get(caller.find(), id);
      } catch (RingException e) {
        return null;
      }
    }
    return opportunity;
  }

  private Optional<AuthenticatedUser> me() {
    return caller.find();
  }

  /** The author or an admin: sees applicants and the lifecycle buttons. */
  public boolean isManager() {
    Opportunity o = getOpportunity();
    return o != null
        && me().map(u -> u.id() == o.getAuthorId() || u.role().isPlatformAdmin()).orElse(false);
  }

  public boolean isCanApply() {
    Opportunity o = getOpportunity();
    return o != null
        && me().map(u -> u.role().hasMemberPrivileges() && u.id() != o.getAuthorId()).orElse(false)
        && "active".equals(o.getStatus().id())
        && getMyApplication() == null;
  }

  public OpportunityService.Application getMyApplication() {
    return me().flatMap(u -> opportunities.myApplication(u, id)).orElse(null);
  }

  public List<OpportunityService.Application> getApplications() {
    return isManager() ? opportunities.applications(caller.require(), id) : List.of();
  }

  private Set<Mark> marks() {
    return me().map(u -> opportunities.marks(u, id)).orElse(Set.of());
  }

  public boolean isSaved() {
    return marks().contains(Mark.SAVED);
  }

  public boolean isNotInterested() {
    return marks().contains(Mark.NOT_INTERESTED);
  }

  private void run(Runnable action, String doneKey) {
    try {
      action.run();
      opportunity = null;
      OpportunityMessages.info(doneKey);
    } catch (RingException e) {
      OpportunityMessages.refusal(e, "listing");
    }
  }

  public void apply() {
    run(() -> opportunities.apply(caller.require(), id, message), "listing.applied");
    message = null;
  }

  public void withdraw() {
    run(() -> opportunities.withdraw(caller.require(), id), "listing.withdrawn");
  }

  public void toggleSaved() {
    boolean on = !isSaved();
    run(() -> opportunities.mark(caller.require(), id, Mark.SAVED, on), "listing.marked");
  }

  public void toggleNotInterested() {
    boolean on = !isNotInterested();
    run(() -> opportunities.mark(caller.require(), id, Mark.NOT_INTERESTED, on), "listing.marked");
  }

  public void accept(long applicationId) {
    run(
        () -> opportunities.decide(caller.require(), id, applicationId, true, response),
        "listing.decided");
    response = null;
  }

  public void reject(long applicationId) {
    run(
        () -> opportunities.decide(caller.require(), id, applicationId, false, response),
        "listing.decided");
    response = null;
  }

  public void submit() {
    run(() -> opportunities.submit(caller.require(), id), "listing.submitted");
  }

  public void close() {
    run(() -> opportunities.close(caller.require(), id), "listing.closed");
  }

  public void archive() {
    run(() -> opportunities.archive(caller.require(), id), "listing.archived");
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getResponse() {
    return response;
  }

  public void setResponse(String response) {
    this.response = response;
  }
}
