package org.ringplatform.matcher.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.matcher.MatcherStore;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;

/**
 * Keeps the run ledger in step with the job: running with its queue size when it begins, its end
 * status and error when it ends, and a follow-up matcher run when a listing changed meanwhile.
 */
@Dependent
@Named("runLedgerListener")
public class RunLedgerListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(RunLedgerListener.class.getName());

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;
  @Inject private MatcherStore store;
  @Inject private JobControl jobs;

  @Override
  public void beforeJob() {
    MatchingRun run = MatchingRun.of(jobContext);
    int total =
        BatchRuns.EXPIRY.equals(jobContext.getJobName())
            ? store.dueCount()
            : store.queueSize(run.opportunityId);
    runs.begin(run.runId, total);
  }

  @Override
  public void afterJob() {
    MatchingRun run = MatchingRun.of(jobContext);
    BatchStatus status = jobContext.getBatchStatus();
    String ledger;
    if (status == BatchStatus.FAILED || run.error != null) {
      ledger = "failed";
    } else if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
      ledger = "stopped";
    } else {
      ledger = "completed";
    }
    boolean rerun =
        runs.finish(
            run.runId,
            ledger,
            "failed".equals(ledger)
                ? (run.error != null ? run.error : jobContext.getExitStatus())
                : null);
    if (rerun && BatchRuns.MATCHER.equals(jobContext.getJobName())) {
      try {
        jobs.start(BatchRuns.MATCHER, null, null, "rerun");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not start the follow-up matcher run", e);
      }
    }
  }
}
