package org.ringplatform.settlement.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.settlement.SettlementStore;

/**
 * Closes a chunk of open settlements together in the chunk transaction: claw-backs netted, payouts
 * scheduled and posted to the ledger (keyed by settlement, so never twice), progress recorded.
 */
@Dependent
@Named("settlementPayoutWriter")
public class PayoutWriter extends AbstractItemWriter {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;
  @Inject private SettlementStore store;

  @Override
  public void writeItems(List<Object> items) {
    SettlementRun run = SettlementRun.of(jobContext, runs);
    SettlementStore.Closed c = store.close(items.stream().map(i -> (Long) i).toList());
    runs.progress(run.runId, 0, c.closed(), c.payouts());
  }
}
