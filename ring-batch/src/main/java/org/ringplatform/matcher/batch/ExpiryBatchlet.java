package org.ringplatform.matcher.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.matcher.MatcherStore;
import org.ringplatform.process.BatchRuns;

/**
 * Expires active listings past their date, 100 per transaction, until none is left or the run is
 * stopped. Each listing is expired under a row lock that skips rows another node holds.
 */
@Dependent
@Named("expiryBatchlet")
public class ExpiryBatchlet extends AbstractBatchlet {

  private static final int PAGE = 100;

  @Inject private JobContext jobContext;
  @Inject private MatcherStore store;
  @Inject private BatchRuns runs;

  private volatile boolean stopped;

  @Override
  public String process() {
    MatchingRun run = MatchingRun.of(jobContext);
    int expired;
    do {
      expired = store.expireDue(PAGE);
      runs.progress(run.runId, expired, 0, expired);
    } while (expired == PAGE && !stopped);
    return stopped ? BatchStatus.STOPPED.name() : BatchStatus.COMPLETED.name();
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
