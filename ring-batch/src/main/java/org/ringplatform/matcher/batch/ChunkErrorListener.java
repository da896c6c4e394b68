package org.ringplatform.matcher.batch;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Keeps the first error of a failing chunk, for the ledger (the runtime only logs it). */
@Dependent
@Named("chunkErrorListener")
public class ChunkErrorListener extends AbstractChunkListener {

  @Inject private JobContext jobContext;

  @Override
  public void onError(Exception e) {
    MatchingRun run = MatchingRun.of(jobContext);
    if (run.error == null) {
      run.error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
