package org.ringplatform.opportunity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.entity.Organisation;
import org.ringplatform.opportunity.ConfidentialRooms;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The confidential rooms ({@code /confidential/}): confidential entities and active confidential
 * listings. The page's security constraint admits confidential accounts and above; {@link
 * ConfidentialRooms} checks the role again and a refusal shows a notice instead of the rooms.
 */
@Named
@ViewScoped
public class ConfidentialRoom implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LIMIT = 50;

  @Inject private ConfidentialRooms rooms;
  @Inject private Caller caller;

  private boolean forbidden;
  private transient List<Organisation> entities;
  private transient OpportunityService.Page opportunities;

  /** The view action: loads both rooms, or marks the page forbidden when the service refuses. */
  public void load() {
    try {
      entities = rooms.entities(caller.require(), LIMIT);
      opportunities = rooms.opportunities(caller.require(), 0, LIMIT);
    } catch (RingException e) {
      forbidden = true;
      entities = List.of();
      opportunities = new OpportunityService.Page(List.of(), 0);
    }
  }

  public boolean isForbidden() {
    return forbidden;
  }

  public List<Organisation> getEntities() {
    if (entities == null) {
      load();
    }
    return entities;
  }

  public List<Opportunity> getOpportunities() {
    if (opportunities == null) {
      load();
    }
    return opportunities.items();
  }
}
