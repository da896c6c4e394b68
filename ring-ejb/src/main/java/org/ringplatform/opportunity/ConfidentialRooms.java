package org.ringplatform.opportunity;

import java.util.List;
import org.ringplatform.entity.Organisation;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * The confidential rooms: confidential entities and listings, for confidential accounts and above
 * only (checked here as well as by the page's security constraint).
 */
public interface ConfidentialRooms {

  /** Confidential entities the caller may see, newest first, minus blocked and hidden ones. */
  List<Organisation> entities(AuthenticatedUser actor, int limit);

  /** Active confidential listings the caller may see, newest first. */
  OpportunityService.Page opportunities(AuthenticatedUser actor, int offset, int limit);
}
