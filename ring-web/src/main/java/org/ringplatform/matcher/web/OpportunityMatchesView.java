package org.ringplatform.matcher.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.matcher.MatcherConsole;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The matched members of a listing with their score breakdown, for the include {@code
 * WEB-INF/includes/opportunity-matches.xhtml} on the listing page: shown to the listing's author
 * and to admins only; everyone else sees nothing.
 */
@Named
@ViewScoped
public class OpportunityMatchesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private MatcherConsole console;
  @Inject private Caller caller;

  private Long loadedFor;
  private transient List<MatcherConsole.MatchLine> matches;
  private boolean allowed;

  /**
   * The matches of {@code opportunityId}, or an empty list for anyone but its author and admins.
   */
  public List<MatcherConsole.MatchLine> of(long opportunityId) {
    if (matches == null || loadedFor == null || loadedFor != opportunityId) {
      loadedFor = opportunityId;
      allowed = false;
      matches = List.of();
      if (caller.find().isPresent()) {
        try {
          matches = console.matchesOf(caller.require(), opportunityId);
          allowed = true;
        } catch (RingException e) {
          // Not the author nor an admin, or no such listing: the section stays hidden.
        }
      }
    }
    return matches;
  }

  /** Whether the caller may see the matches of {@code opportunityId}. */
  public boolean allowed(long opportunityId) {
    of(opportunityId);
    return allowed;
  }
}
