package org.ringplatform.process;

import java.util.Optional;

/**
 * Starts, stops and restarts the batch jobs through the Jakarta Batch runtime, one run of a job at
 * a time across all nodes (the {@link BatchRuns} ledger guards it). Implemented next to the jobs in
 * ring-batch.
 */
public interface JobControl {

  /**
   * Starts {@code jobName} unless a run of it is under way.
   *
   * @param jobName {@link BatchRuns#MATCHER}, {@link BatchRuns#EXPIRY}, {@link
   *     BatchRuns#MEMBERSHIP_EXPIRY}, {@link BatchRuns#STORE_HOUSEKEEPING} or {@link
   *     BatchRuns#SETTLEMENT}
   * @param opportunityId the matcher only: match just this listing, or null for the whole queue
   * @param chunkSize listings (matcher, 1 to 1000) or orders (settlement, 1 to 100000) per chunk
   *     transaction, or null for the default
   * @param trigger manual, schedule, listing, recovery or rerun
   * @return the run, or empty when one was already under way
   */
  Optional<BatchRuns.Run> start(
      String jobName, Long opportunityId, Integer chunkSize, String trigger);

  /** Asks a run to stop at its next checkpoint. */
  void stop(long runId);

  /** Restarts a stopped or failed run from its last checkpoint. */
  Optional<BatchRuns.Run> restart(long runId);

  /** Marks runs of dead nodes interrupted and starts a fresh run of each job that was cut short. */
  void recover();
}
