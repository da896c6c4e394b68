package org.ringplatform.store.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.function.IntUnaryOperator;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.store.order.StoreHousekeeping;

/**
 * One chore of the store's housekeeping (property {@code chore}), repeated in transactions of up to
 * 200 rows until its queue is empty or the run is stopped; each transaction's count goes to the run
 * ledger.
 */
@Dependent
@Named("storeChoreBatchlet")
public class StoreChoreBatchlet extends AbstractBatchlet {

  static final int PAGE = 200;

  @Inject private JobContext jobContext;
  @Inject private StoreHousekeeping housekeeping;
  @Inject private BatchRuns runs;

  @Inject
  @BatchProperty(name = "chore")
  String chore;

  private volatile boolean stopped;

  @Override
  public String process() {
    IntUnaryOperator step =
        switch (chore) {
          case "lapseCheckouts" -> housekeeping::lapseCheckouts;
          case "releaseHolds" -> housekeeping::releaseLapsedHolds;
          case "completeDelivered" -> housekeeping::completeDelivered;
          case "dropStaleCarts" -> housekeeping::dropStaleCarts;
          default -> throw new IllegalArgumentException("Unknown store chore: " + chore);
        };
    long runId = StoreHousekeepingListener.runId(jobContext);
    int done;
    try {
      do {
        done = step.applyAsInt(PAGE);
        if (done > 0 && runId > 0) {
          runs.progress(runId, done, 0, 0);
        }
      } while (done == PAGE && !stopped);
    } catch (RuntimeException e) {
      // The listener writes it to the ledger; the batch status alone does not say why.
      jobContext.setTransientUserData(chore + ": " + e);
      throw e;
    }
    return stopped ? BatchStatus.STOPPED.name() : BatchStatus.COMPLETED.name();
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
