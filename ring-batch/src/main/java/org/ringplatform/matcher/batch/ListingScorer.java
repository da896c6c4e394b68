package org.ringplatform.matcher.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.matcher.Listing;
import org.ringplatform.process.BatchRuns;

/**
 * Scores one listing against the member snapshot (and, when configured, lets the LLM re-rank the
 * best); pure computation, so a rolled-back chunk simply scores again.
 */
@Dependent
@Named("listingScorer")
public class ListingScorer implements ItemProcessor {

  private static final long HEARTBEAT_NANOS = 10_000_000_000L;

  @Inject private JobContext jobContext;
  @Inject private BatchRuns runs;

  @Override
  public Object processItem(Object item) {
    MatchingRun run = MatchingRun.of(jobContext);
    // A slow LLM can make a chunk long: keep the ledger's heartbeat fresh so no node takes the
    // run for dead.
    long now = System.nanoTime();
    if (now - run.lastHeartbeat > HEARTBEAT_NANOS) {
      run.lastHeartbeat = now;
      runs.heartbeat(run.runId);
    }
    return run.matcher.match((Listing) item, run.members);
  }
}
