package org.ringplatform.settlement.batch;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.process.BatchRuns;

/**
 * Hands a partition's first error to the step's thread (partitions keep their own job context),
 * where {@link SettlementErrorAnalyzer} keeps it for the run ledger.
 */
@Dependent
@Named("settlementErrorCollector")
public class SettlementErrorCollector implements PartitionCollector {

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;

  @Override
  public Serializable collectPartitionData() {
    return SettlementRun.of(jobContext, runs).error;
  }
}
