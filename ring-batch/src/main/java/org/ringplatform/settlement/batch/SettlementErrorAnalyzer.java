package org.ringplatform.settlement.batch;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.process.BatchRuns;

/** Keeps the first error any settle partition reported, for the run ledger. */
@Dependent
@Named("settlementErrorAnalyzer")
public class SettlementErrorAnalyzer extends AbstractPartitionAnalyzer {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;

  @Override
  public void analyzeCollectorData(Serializable data) {
    SettlementRun run = SettlementRun.of(jobContext, runs);
    if (data instanceof String error && run.error == null) {
      run.error = error;
    }
  }
}
