package org.ringplatform.settlement.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.settlement.SettlementStore;

/**
 * Keeps the run ledger in step with the settlement job: running with the number of orders due when
 * it begins, its end status and error when it ends.
 */
@Dependent
@Named("settlementLedgerListener")
public class SettlementLedgerListener extends AbstractJobListener {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;
  @Inject private SettlementStore store;

  @Override
  public void beforeJob() {
    SettlementRun run = SettlementRun.of(jobContext, runs);
    runs.begin(run.runId, store.queueSize(run.cutoff));
  }

  @Override
  public void afterJob() {
    SettlementRun run = SettlementRun.of(jobContext, runs);
    BatchStatus status = jobContext.getBatchStatus();
    String ledger;
    if (status == BatchStatus.FAILED || run.error != null) {
      ledger = "failed";
    } else if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
      ledger = "stopped";
    } else {
      ledger = "completed";
    }
    runs.finish(
        run.runId,
        ledger,
        "failed".equals(ledger)
            ? (run.error != null ? run.error : jobContext.getExitStatus())
            : null);
  }
}
