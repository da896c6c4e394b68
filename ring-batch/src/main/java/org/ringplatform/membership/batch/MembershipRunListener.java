package org.ringplatform.membership.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.membership.Memberships;
import org.ringplatform.process.BatchRuns;

/**
 * Keeps the run ledger in step with the membership expiry job: running with the number of due
 * subscriptions when it begins, its end status when it ends.
 */
@Dependent
@Named("membershipRunListener")
public class MembershipRunListener extends AbstractJobListener {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;
  @Inject private Memberships memberships;

  /** The ledger row of this execution, from the job properties. */
  static long runId(JobContext job) {
    String id = job.getProperties().getProperty("runId");
    return id == null || id.isBlank() ? 0 : Long.parseLong(id);
  }

  @Override
  public void beforeJob() {
    runs.begin(runId(jobContext), (int) Math.min(Integer.MAX_VALUE, memberships.dueCount()));
  }

  @Override
  public void afterJob() {
    BatchStatus status = jobContext.getBatchStatus();
    String ledger =
        status == BatchStatus.FAILED
            ? "failed"
            : status == BatchStatus.STOPPING || status == BatchStatus.STOPPED
                ? "stopped"
                : "completed";
    runs.finish(
        runId(jobContext), ledger, "failed".equals(ledger) ? jobContext.getExitStatus() : null);
  }
}
