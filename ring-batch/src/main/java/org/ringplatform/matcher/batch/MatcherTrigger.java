package org.ringplatform.matcher.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.opportunity.OpportunityChanged;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;

/**
 * Matches a listing at once when it was submitted, approved or changed: after the change commits, a
 * matcher run for just that listing starts; when a run is already under way, that run is asked to
 * be followed by another. The schedule remains the safety net.
 */
@ApplicationScoped
public class MatcherTrigger {

  private static final Logger LOG = Logger.getLogger(MatcherTrigger.class.getName());

  @Inject private JobControl jobs;
  @Inject private BatchRuns runs;

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) OpportunityChanged change) {
    try {
      if (jobs.start(BatchRuns.MATCHER, change.opportunityId(), null, "listing").isEmpty()) {
        runs.requestRerun(BatchRuns.MATCHER);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start matching listing " + change.opportunityId(), e);
    }
  }
}
