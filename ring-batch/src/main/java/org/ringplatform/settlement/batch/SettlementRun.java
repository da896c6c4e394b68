package org.ringplatform.settlement.batch;

import jakarta.batch.runtime.context.JobContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.ringplatform.process.BatchRuns;

/**
 * What the steps of one settlement job execution share through the job context: the run ledger row,
 * the run's cutoff and the first error seen. The cutoff is the time the run was opened in the
 * ledger, so a restarted run settles up to the same instant as before.
 */
final class SettlementRun {

  final long runId;
  final OffsetDateTime cutoff;
  volatile String error;

  private SettlementRun(long runId, OffsetDateTime cutoff) {
    this.runId = runId;
    this.cutoff = cutoff;
  }

  /** The execution's shared state, created on first use from the job properties and the ledger. */
  static SettlementRun of(JobContext job, BatchRuns runs) {
    synchronized (job) {
      if (job.getTransientUserData() instanceof SettlementRun run) {
        return run;
      }
      String id = job.getProperties().getProperty("runId");
      long runId = id == null || id.isBlank() ? 0 : Long.parseLong(id);
      OffsetDateTime cutoff =
          runs.find(runId)
              .map(BatchRuns.Run::startedAt)
              .orElseGet(() -> OffsetDateTime.now(ZoneOffset.UTC))
              .withOffsetSameInstant(ZoneOffset.UTC);
      SettlementRun run = new SettlementRun(runId, cutoff);
      job.setTransientUserData(run);
      return run;
    }
  }
}
