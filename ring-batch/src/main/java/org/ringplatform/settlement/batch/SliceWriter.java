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
 * Settles a chunk (its slices) in the chunk transaction: the orders marked settled, their lines,
 * the settlement's totals and the run ledger's progress commit together or not at all.
 */
@Dependent
@Named("settlementSliceWriter")
public class SliceWriter extends AbstractItemWriter {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;
  @Inject private SettlementStore store;

  @Override
  public void writeItems(List<Object> items) {
    SettlementRun run = SettlementRun.of(jobContext, runs);
    int settled = 0;
    for (Object item : items) {
      for (Object slice : (List<?>) item) {
        settled += store.settle(run.runId, (SettlementStore.Slice) slice);
      }
    }
    runs.progress(run.runId, settled, 0, 0);
  }
}
