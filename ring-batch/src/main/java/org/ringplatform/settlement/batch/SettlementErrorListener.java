package org.ringplatform.settlement.batch;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.process.BatchRuns;

/** Keeps the first error of a failing settlement chunk, for the run ledger. */
@Dependent
@Named("settlementErrorListener")
public class SettlementErrorListener extends AbstractChunkListener {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;

  @Override
  public void onError(Exception e) {
    SettlementRun run = SettlementRun.of(jobContext, runs);
    if (run.error == null) {
      run.error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
