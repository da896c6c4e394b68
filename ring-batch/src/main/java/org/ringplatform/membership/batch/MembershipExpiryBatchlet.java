package org.ringplatform.membership.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.membership.Memberships;
import org.ringplatform.process.BatchRuns;

/**
 * Moves due subscriptions on, 100 at a time, each in its own transaction (role and subscription
 * together), until none is left or the run is stopped. A subscription that fails is logged and left
 * for the next run; the others go on.
 */
@Dependent
@Named("membershipExpiryBatchlet")
public class MembershipExpiryBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(MembershipExpiryBatchlet.class.getName());
  private static final int PAGE = 100;

  @Inject private JobContext jobContext;
  @Inject private Memberships memberships;
  @Inject private BatchRuns runs;

  private volatile boolean stopped;

  @Override
  public String process() {
    long runId = MembershipRunListener.runId(jobContext);
    long lastSeen = -1;
    List<Long> due;
    do {
      due = memberships.due(PAGE);
      int changed = 0;
      int failed = 0;
      for (long id : due) {
        if (stopped) {
          break;
        }
        try {
          if (memberships.lapse(id)) {
            changed++;
          }
        } catch (RuntimeException e) {
          failed++;
          LOG.log(Level.WARNING, "Subscription " + id + " could not be moved on", e);
        }
      }
      runs.progress(runId, changed, 0, 0);
      // Rows that stay due (failed ones) must not keep the job going round forever.
      long last = due.isEmpty() ? -1 : due.get(due.size() - 1);
      if (changed == 0 || last == lastSeen || failed == due.size()) {
        break;
      }
      lastSeen = last;
    } while (due.size() == PAGE && !stopped);
    return stopped ? BatchStatus.STOPPED.name() : BatchStatus.COMPLETED.name();
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
