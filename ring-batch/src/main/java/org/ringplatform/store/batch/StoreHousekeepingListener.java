package org.ringplatform.store.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.process.BatchRuns;

/**
 * Keeps the run ledger ({@code batch_runs}) in step with the store's housekeeping job: running when
 * it begins, its end status (and error) when it ends. Its queue size is not known up front, so the
 * ledger counts the rows handled as it goes.
 */
@Dependent
@Named("storeHousekeepingListener")
public class StoreHousekeepingListener extends AbstractJobListener {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;

  /** The ledger row of this execution, 0 when started without one. */
  static long runId(JobContext job) {
    String value = job.getProperties().getProperty("runId");
    return value == null || value.isBlank() ? 0 : Long.parseLong(value);
  }

  @Override
  public void beforeJob() {
    long runId = runId(jobContext);
    if (runId > 0) {
      runs.begin(runId, 0);
    }
  }

  @Override
  public void afterJob() {
    long runId = runId(jobContext);
    if (runId <= 0) {
      return;
    }
    BatchStatus status = jobContext.getBatchStatus();
    Object error = jobContext.getTransientUserData();
    if (status == BatchStatus.FAILED || error != null) {
      runs.finish(runId, "failed", error != null ? error.toString() : jobContext.getExitStatus());
    } else if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
      runs.finish(runId, "stopped", null);
    } else {
      runs.finish(runId, "completed", null);
    }
  }
}
