package org.ringplatform.matcher.batch;

import jakarta.batch.runtime.context.JobContext;
import org.ringplatform.matcher.ListingMatcher;
import org.ringplatform.matcher.MemberSnapshot;

/**
 * What the steps of one job execution share through the job context: the ledger row, the member
 * snapshot and matcher (loaded once per execution) and the first error seen.
 */
final class MatchingRun {

  final long runId;
  final Long opportunityId;
  volatile MemberSnapshot members;
  volatile ListingMatcher matcher;
  volatile String error;
  volatile long lastHeartbeat = System.nanoTime();

  private MatchingRun(long runId, Long opportunityId) {
    this.runId = runId;
    this.opportunityId = opportunityId;
  }

  /** The execution's shared state, created on first use from the job properties. */
  static MatchingRun of(JobContext job) {
    synchronized (job) {
      if (job.getTransientUserData() instanceof MatchingRun run) {
        return run;
      }
      String runId = job.getProperties().getProperty("runId");
      String opportunityId = job.getProperties().getProperty("opportunityId");
      MatchingRun run =
          new MatchingRun(
              runId == null || runId.isBlank() ? 0 : Long.parseLong(runId),
              opportunityId == null || opportunityId.isBlank()
                  ? null
                  : Long.valueOf(opportunityId));
      job.setTransientUserData(run);
      return run;
    }
  }
}
