package org.ringplatform.matcher.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ringplatform.matcher.ListingMatcher;
import org.ringplatform.matcher.MatcherStore;
import org.ringplatform.process.BatchRuns;

/**
 * Records a chunk of results in the chunk transaction: matches, notices, auto-approval, matched
 * versions and the ledger's progress commit together or not at all.
 */
@Dependent
@Named("matchWriter")
public class MatchWriter extends AbstractItemWriter {

  @Inject private JobContext jobContext;
  @Inject private MatcherStore store;
  @Inject private BatchRuns runs;

  @Override
  public void writeItems(List<Object> items) {
    MatchingRun run = MatchingRun.of(jobContext);
    int matches = 0;
    int notified = 0;
    for (Object item : items) {
      MatcherStore.Recorded r = store.record((ListingMatcher.Result) item, run.runId);
      matches += r.matches();
      notified += r.notified();
    }
    runs.progress(run.runId, items.size(), matches, notified);
    run.lastHeartbeat = System.nanoTime();
  }
}
